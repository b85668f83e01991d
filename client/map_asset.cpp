#include "map_asset.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace gb::client {

const MapRegion* MapAsset::find(const std::string& id) const {
    for (const auto& r : regions)
        if (r.id == id) return &r;
    return nullptr;
}

namespace {

constexpr std::size_t kMaxPoints = 1'000'000;

std::vector<MapPoint> read_points(std::istringstream& in, std::size_t count) {
    std::vector<MapPoint> pts;
    pts.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        MapPoint p;
        if (!(in >> p.x >> p.y))
            throw std::runtime_error("expected " + std::to_string(count) + " points, found " + std::to_string(i));
        pts.push_back(p);
    }
    std::string extra;
    if (in >> extra) throw std::runtime_error("unexpected '" + extra + "' after " + std::to_string(count) + " points");
    return pts;
}

}  // namespace

MapAsset load_map(const std::string& path) {
    std::ifstream f(path);
    if (!f) throw std::runtime_error(path + ": cannot open the map file");
    MapAsset map;
    MapRegion* cur = nullptr;
    std::string line;
    int lineno = 0;
    std::size_t total = 0;
    while (std::getline(f, line)) {
        ++lineno;
        if (line.empty() || line[0] == '#') continue;
        std::istringstream in(line);
        std::string word;
        in >> word;
        try {
            if (word == "map") {
                if (!(in >> map.width >> map.height) || map.width <= 0 || map.height <= 0)
                    throw std::runtime_error("map: expected a positive width and height");
            } else if (word == "region") {
                if (cur) throw std::runtime_error("region: the previous region has no 'end'");
                MapRegion r;
                if (!(in >> r.id >> r.kind)) throw std::runtime_error("region: expected an id and a kind");
                if (r.kind != "land" && r.kind != "sea" && r.kind != "background")
                    throw std::runtime_error("region: kind must be land, sea or background, not '" + r.kind + "'");
                map.regions.push_back(std::move(r));
                cur = &map.regions.back();
            } else if (word == "end") {
                if (!cur) throw std::runtime_error("end: no region is open");
                cur = nullptr;
            } else if (word == "anchor" || word == "probe") {
                if (!cur) throw std::runtime_error(word + ": outside a region");
                auto pts = read_points(in, 1);
                (word == "anchor" ? cur->anchor : cur->probe) = pts[0];
            } else if (word == "tris" || word == "ring") {
                if (!cur) throw std::runtime_error(word + ": outside a region");
                std::size_t n = 0;
                if (!(in >> n) || n == 0) throw std::runtime_error(word + ": expected a count");
                std::size_t pts = word == "tris" ? n * 3 : n;
                total += pts;
                if (total > kMaxPoints) throw std::runtime_error(word + ": the map has too many points");
                auto v = read_points(in, pts);
                if (word == "tris")
                    cur->triangles.insert(cur->triangles.end(), v.begin(), v.end());
                else
                    cur->rings.push_back(std::move(v));
            } else {
                throw std::runtime_error("unknown record '" + word + "'");
            }
        } catch (const std::runtime_error& e) {
            throw std::runtime_error(path + ":" + std::to_string(lineno) + ": " + e.what());
        }
    }
    if (cur) throw std::runtime_error(path + ": region '" + cur->id + "' has no 'end'");
    if (map.width <= 0) throw std::runtime_error(path + ": no 'map' line");
    return map;
}

namespace {
float cross(MapPoint a, MapPoint b, MapPoint p) {
    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
}
}  // namespace

bool contains(const MapRegion& r, MapPoint p) {
    for (std::size_t i = 0; i + 2 < r.triangles.size(); i += 3) {
        float d1 = cross(r.triangles[i], r.triangles[i + 1], p);
        float d2 = cross(r.triangles[i + 1], r.triangles[i + 2], p);
        float d3 = cross(r.triangles[i + 2], r.triangles[i], p);
        bool neg = d1 < 0 || d2 < 0 || d3 < 0;
        bool pos = d1 > 0 || d2 > 0 || d3 > 0;
        if (!(neg && pos)) return true;
    }
    return false;
}

}  // namespace gb::client
