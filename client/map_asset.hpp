// The board's geometry: region shapes projected from Natural Earth borders
// and triangulated by tools/map/make_map.js (assets/map/region.map).
#pragma once

#include <string>
#include <vector>

namespace gb::client {

struct MapPoint {
    float x = 0, y = 0;
};

struct MapRegion {
    std::string id;
    std::string kind;  // land, sea or background
    MapPoint anchor, probe;
    std::vector<MapPoint> triangles;           // three points per triangle
    std::vector<std::vector<MapPoint>> rings;  // closed outlines
};

struct MapAsset {
    float width = 0, height = 0;
    std::vector<MapRegion> regions;
    const MapRegion* find(const std::string& id) const;
};

// Reads a map file. Throws std::runtime_error naming the file and line of
// the first problem.
MapAsset load_map(const std::string& path);

// Whether p lies inside one of the region's triangles.
bool contains(const MapRegion& r, MapPoint p);

}  // namespace gb::client
