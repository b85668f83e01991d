#include "board_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "palette.hpp"

namespace gb::client {

namespace {

sf::Color mix(sf::Color a, sf::Color b, float t) {
    auto m = [t](sf::Uint8 x, sf::Uint8 y) { return static_cast<sf::Uint8>(std::lround(x + (y - x) * t)); };
    return sf::Color(m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a));
}

ImU32 im(sf::Color c, int alpha = -1) {
    return IM_COL32(c.r, c.g, c.b, alpha < 0 ? c.a : alpha);
}

// Dark text on light fills, white on dark ones (by relative luminance).
ImU32 ink_on(sf::Color c) {
    auto lin = [](sf::Uint8 v) {
        double x = v / 255.0;
        return x <= 0.04045 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
    };
    double l = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
    return l > 0.2 ? IM_COL32(16, 16, 20, 255) : IM_COL32_WHITE;
}

// "Hezbollah" -> HEZ, "Shia militias" -> SM, "al-Qaeda cells" -> AQC.
std::string marker_code(const std::string& name) {
    std::vector<std::string> words;
    std::string w;
    for (char c : name) {
        if (c == ' ' || c == '-') {
            if (!w.empty()) words.push_back(w);
            w.clear();
        } else {
            w += c;
        }
    }
    if (!w.empty()) words.push_back(w);
    std::string code;
    if (words.size() == 1) {
        code = words[0].substr(0, 3);
    } else {
        for (auto& x : words) code += x[0];
    }
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return code;
}

// The name on the map: "Strait of Hormuz / Persian Gulf" -> "Persian Gulf",
// "Palestinian Territories" -> "Palestinian".
std::string label_name(const RegionDef& def) {
    std::string name = def.name;
    if (def.kind == RegionKind::sea && name.find('/') != std::string::npos)
        name = name.substr(name.find('/') + 1);
    else if (name.size() > 16 && name.find(' ') != std::string::npos)
        name = name.substr(0, name.find(' '));
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    return name;
}

}  // namespace

void BoardView::set_map(const MapAsset& map, const Scenario& sc) {
    map_ = &map;
    shapes_.clear();
    boxes_.clear();
    fills_.clear();
    borders_.clear();
    // Sea first, then background land, then the game's land on top.
    auto add = [&](const MapRegion& geo, int region) {
        Shape s;
        s.region = region;
        s.geo = &geo;
        s.first = fills_.getVertexCount();
        for (const MapPoint& p : geo.triangles) fills_.append(sf::Vertex({p.x, p.y}, palette::kNeutralLand));
        s.count = fills_.getVertexCount() - s.first;
        for (std::size_t i = 0; i + 2 < geo.triangles.size(); i += 3) {
            const MapPoint &a = geo.triangles[i], &b = geo.triangles[i + 1], &c = geo.triangles[i + 2];
            s.area += std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
        }
        shapes_.push_back(s);
        if (geo.kind == "sea") return;
        for (const auto& ring : geo.rings)
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const MapPoint& a = ring[i];
                const MapPoint& b = ring[(i + 1) % ring.size()];
                sf::Color c = region < 0 ? sf::Color(110, 108, 102) : palette::kBorder;
                borders_.append(sf::Vertex({a.x, a.y}, c));
                borders_.append(sf::Vertex({b.x, b.y}, c));
            }
    };
    auto index_of = [&](const std::string& id) {
        for (std::size_t i = 0; i < sc.regions.size(); ++i)
            if (sc.regions[i].id == id) return static_cast<int>(i);
        return -1;
    };
    for (const auto& geo : map.regions)
        if (geo.kind == "sea") add(geo, index_of(geo.id));
    for (const auto& geo : map.regions)
        if (geo.kind == "background") add(geo, -1);
    for (const auto& geo : map.regions)
        if (geo.kind == "land") add(geo, index_of(geo.id));
    // Off-map boxes stack in the Arabian Sea corner.
    float bw = map.width * 0.15f, bh = map.height * 0.085f, gap = map.height * 0.018f;
    float x = map.width * 0.80f, y = map.height * 0.64f;
    for (std::size_t i = 0; i < sc.regions.size(); ++i)
        if (sc.regions[i].kind == RegionKind::box) {
            boxes_.push_back({static_cast<int>(i), sf::FloatRect(x, y, bw, bh)});
            y += bh + gap;
        }
    marker_codes_.clear();
    for (const auto& m : sc.markers) marker_codes_.push_back(marker_code(m.name));
    cam_.set_map_size(map.width, map.height);
}

sf::Color BoardView::fill_for(const Scenario& sc, const Board& b, int region) {
    if (region < 0) return palette::kBackgroundLand;
    if (sc.regions[region].kind == RegionKind::sea) return palette::kSeaZone;
    for (Team t : kAllTeams)
        if (controls(sc, b, t, region)) return palette::kTeam[idx(t)];
    return palette::kNeutralLand;
}

void BoardView::update(const GameState& g) {
    ++version_;
    for (const Shape& s : shapes_) {
        sf::Color c = fill_for(g.sc(), g.board, s.region);
        for (std::size_t i = 0; i < s.count; ++i) fills_[s.first + i].color = c;
    }
    box_fills_.clear();
    for (const Box& b : boxes_) {
        sf::Color c = mix(sf::Color(44, 52, 62), sf::Color(80, 92, 108), 0.3f);
        for (Team t : kAllTeams)
            if (controls(g.sc(), g.board, t, b.region)) c = mix(c, palette::kTeam[idx(t)], 0.6f);
        const auto& r = b.rect;
        sf::Vector2f p[4] = {{r.left, r.top},
                             {r.left + r.width, r.top},
                             {r.left + r.width, r.top + r.height},
                             {r.left, r.top + r.height}};
        for (int i : {0, 1, 2, 0, 2, 3}) box_fills_.append(sf::Vertex(p[i], c));
    }
}

void BoardView::draw(sf::RenderTarget& target, sf::RenderStates states) const {
    const sf::FloatRect& vp = cam_.viewport();
    if (!map_ || vp.width <= 0 || cam_.window().x == 0) return;
    sf::View old = target.getView();
    target.setView(cam_.view());
    float zoom = cam_.zoom();
    sf::Vector2f centre = cam_.to_map({vp.left + vp.width / 2, vp.top + vp.height / 2});
    sf::RectangleShape water({vp.width / zoom, vp.height / zoom});
    water.setPosition(centre.x - vp.width / zoom / 2, centre.y - vp.height / zoom / 2);
    water.setFillColor(palette::kWater);
    sf::RenderStates opaque = states;
    opaque.blendMode = sf::BlendNone;
    target.draw(water, opaque);
    target.draw(fills_, opaque);
    target.draw(borders_, states);
    target.draw(box_fills_, states);
    target.setView(old);
}

int BoardView::region_at(sf::Vector2f px) const {
    if (!map_ || !cam_.in_viewport(px)) return -1;
    sf::Vector2f m = cam_.to_map(px);
    for (const Box& b : boxes_)
        if (b.rect.contains(m)) return b.region;
    // Land is drawn over the sea zone, so it wins.
    for (auto it = shapes_.rbegin(); it != shapes_.rend(); ++it)
        if (contains(*it->geo, {m.x, m.y})) return it->region;
    return -1;
}

sf::Vector2f BoardView::anchor(int region) const {
    for (const Box& b : boxes_)
        if (b.region == region) return {b.rect.left + b.rect.width / 2, b.rect.top + b.rect.height / 2};
    for (const Shape& s : shapes_)
        if (s.region == region) return {s.geo->anchor.x, s.geo->anchor.y};
    return {-1, -1};
}

bool BoardView::probe(int region, sf::Vector2f& out) const {
    for (const Shape& s : shapes_)
        if (s.region == region) {
            out = {s.geo->probe.x, s.geo->probe.y};
            return true;
        }
    return false;
}

void BoardView::overlay(const GameState& g, ImDrawList* dl) const {
    if (!map_) return;
    const Scenario& sc = g.sc();
    const Board& b = g.board;
    ImFont* font = ImGui::GetFont();
    const sf::FloatRect& vp = cam_.viewport();
    float fit_zoom = cam_.fit_zoom();
    float k = std::clamp(std::sqrt(cam_.zoom() / fit_zoom), 0.85f, 1.6f);
    float fs = std::round(15.0f * k * text_scale);
    dl->PushClipRect(ImVec2(vp.left, vp.top),
                     ImVec2(vp.left + vp.width, vp.top + vp.height), true);

    // Regions too small on screen for their labels (the Levant) get callouts
    // in the sea beside them, stacked so they never overlap, with leader lines.
    std::vector<sf::Vector2f> at(sc.regions.size(), sf::Vector2f(-1, -1));
    std::vector<int> small;
    for (std::size_t ri = 0; ri < sc.regions.size(); ++ri) {
        sf::Vector2f a = anchor(static_cast<int>(ri));
        if (a.x < 0) continue;
        at[ri] = cam_.to_screen(a.x, a.y);
        for (const Shape& s : shapes_)
            if (s.region == static_cast<int>(ri) && s.area * cam_.zoom() * cam_.zoom() < 3500 * k * k)
                small.push_back(static_cast<int>(ri));
    }
    std::sort(small.begin(), small.end(), [&](int x, int y) { return at[x].y < at[y].y; });
    if (!small.empty()) {
        float left = FLT_MAX;
        for (int r : small) left = std::min(left, at[r].x);
        float x = left - 80 * k, step = fs * 3.7f, y = at[small.front()].y - step * 0.6f;
        for (int r : small) {
            sf::Vector2f from = at[r];
            y = std::max(y, from.y - step * 0.4f);
            at[r] = {x, y};
            dl->AddLine(ImVec2(x + 14 * k, y + fs * 0.5f), ImVec2(from.x, from.y), IM_COL32(250, 245, 230, 220), 1.5f);
            dl->AddCircleFilled(ImVec2(from.x, from.y), 3, IM_COL32(250, 245, 230, 255));
            y += step;
        }
    }

    // Labels never collide: each region's block (name, chips, tags) is moved
    // down, with a leader line to its place, until it overlaps no block
    // already placed (callouts and off-map boxes stay where they are).
    {
        struct Block {
            int r;
            sf::FloatRect rect;
            bool fixed;
        };
        std::vector<Block> blocks;
        float chip = std::round(fs * 1.15f), cfs = fs * 0.85f, bfs = fs * 0.8f;
        for (std::size_t ri = 0; ri < sc.regions.size(); ++ri) {
            if (at[ri].x < 0) continue;
            const RegionDef& def = sc.regions[ri];
            if (def.kind == RegionKind::box) continue;
            float w = font->CalcTextSizeA(fs, FLT_MAX, 0, label_name(def).c_str()).x;
            float row = chip + 4;
            for (Team t : kAllTeams)
                if (int v = b.regions[ri].influence[idx(t)]; v > 0)
                    row += std::max(chip, font->CalcTextSizeA(cfs, FLT_MAX, 0, ("U" + std::to_string(v)).c_str()).x +
                                              chip * 0.55f) +
                           2;
            float tags = 0;
            for (int m = 0; m < b.marker_kinds && m < static_cast<int>(marker_codes_.size()); ++m)
                if (int v = b.marker(int(ri), m); v > 0)
                    tags += font->CalcTextSizeA(bfs, FLT_MAX, 0, (marker_codes_[m] + " " + std::to_string(v)).c_str()).x + 11;
            w = std::max({w, row, tags});
            float below = 2 + chip + (tags > 0 ? 3 + bfs + 4 : 0);
            bool fixed = std::find(small.begin(), small.end(), int(ri)) != small.end();
            blocks.push_back({int(ri), sf::FloatRect(at[ri].x - w / 2, at[ri].y - fs, w, fs + below), fixed});
        }
        std::stable_sort(blocks.begin(), blocks.end(), [](const Block& x, const Block& y) {
            return x.fixed != y.fixed ? x.fixed : x.rect.top < y.rect.top;
        });
        std::vector<sf::FloatRect> placed;
        for (Block& bl : blocks) {
            sf::FloatRect r = bl.rect;
            for (int pass = 0; !bl.fixed && pass < 12; ++pass) {
                bool moved = false;
                for (const sf::FloatRect& o : placed) {
                    sf::FloatRect hit;
                    if (r.intersects(o, hit)) {
                        r.top = o.top + o.height + 2;
                        moved = true;
                    }
                }
                if (!moved) break;
            }
            placed.push_back(r);
            float dy = r.top - bl.rect.top;
            if (dy > 0.5f) {
                sf::Vector2f from = at[bl.r];
                at[bl.r].y += dy;
                dl->AddLine(ImVec2(from.x, from.y), ImVec2(at[bl.r].x, at[bl.r].y - fs), IM_COL32(250, 245, 230, 200),
                            1.2f);
                dl->AddCircleFilled(ImVec2(from.x, from.y), 2.5f, IM_COL32(250, 245, 230, 255));
            }
        }
    }

    for (std::size_t ri = 0; ri < sc.regions.size(); ++ri) {
        int r = static_cast<int>(ri);
        if (at[ri].x < 0) continue;
        const RegionDef& def = sc.regions[ri];
        sf::Vector2f c = at[ri];
        bool callout = std::find(small.begin(), small.end(), r) != small.end();
        bool box = def.kind == RegionKind::box;
        if (box) {
            for (const Box& bx : boxes_)
                if (bx.region == r) {
                    auto p0 = cam_.to_screen(bx.rect.left, bx.rect.top);
                    auto p1 = cam_.to_screen(bx.rect.left + bx.rect.width, bx.rect.top + bx.rect.height);
                    dl->AddRect(ImVec2(p0.x, p0.y), ImVec2(p1.x, p1.y),
                                hovered == r ? im(palette::kHighlight) : IM_COL32(200, 200, 190, 160), 3, 0,
                                hovered == r ? 2.5f : 1.0f);
                    c.y = p0.y + fs * 0.9f;
                }
        }
        // Name.
        std::string name = label_name(def);
        ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, name.c_str());
        ImVec2 tp(c.x - ts.x / 2, c.y - ts.y);
        bool dark = box || def.kind == RegionKind::sea || callout;
        bool controlled = false;
        for (Team t : kAllTeams) controlled = controlled || controls(sc, b, t, r);
        ImU32 shadow = dark || controlled ? IM_COL32(0, 0, 0, 170) : IM_COL32(255, 255, 255, 140);
        ImU32 ink = dark || controlled ? IM_COL32(250, 248, 240, 255) : IM_COL32(30, 30, 34, 255);
        dl->AddText(font, fs, ImVec2(tp.x + 1, tp.y + 1), shadow, name.c_str());
        dl->AddText(font, fs, tp, ink, name.c_str());

        // Influence: a round-ended chip per team with influence, with the
        // team's letter and the number ("U2"), so colour is never the only cue.
        float chip = std::round(fs * 1.15f);
        float cfs = fs * 0.85f;
        std::vector<std::pair<int, std::string>> chips;
        std::vector<float> chip_w;
        float row = chip + 4;
        for (Team t : kAllTeams) {
            int v = b.regions[ri].influence[idx(t)];
            if (v <= 0) continue;
            chips.emplace_back(idx(t), std::string(palette::kTeamLetter[idx(t)]) + std::to_string(v));
            chip_w.push_back(std::max(chip, font->CalcTextSizeA(cfs, FLT_MAX, 0, chips.back().second.c_str()).x +
                                                chip * 0.55f));
            row += chip_w.back() + 2;
        }
        float x = c.x - row / 2, y = c.y + 2;
        // Stability first: a dark square with the number.
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + chip, y + chip), IM_COL32(30, 32, 36, 230), 2);
        dl->AddRect(ImVec2(x, y), ImVec2(x + chip, y + chip), IM_COL32(230, 220, 190, 230), 2);
        std::string st = std::to_string(b.regions[ri].stability);
        ImVec2 ss = font->CalcTextSizeA(cfs, FLT_MAX, 0, st.c_str());
        dl->AddText(font, cfs, ImVec2(x + (chip - ss.x) / 2, y + (chip - ss.y) / 2), IM_COL32(240, 230, 200, 255),
                    st.c_str());
        x += chip + 4;
        for (std::size_t i = 0; i < chips.size(); ++i) {
            sf::Color tc = palette::kTeam[chips[i].first];
            float w = chip_w[i];
            dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + chip), im(tc, 255), chip / 2);
            dl->AddRect(ImVec2(x, y), ImVec2(x + w, y + chip), IM_COL32(255, 255, 255, 200), chip / 2, 0, 1.0f);
            ImVec2 vs = font->CalcTextSizeA(cfs, FLT_MAX, 0, chips[i].second.c_str());
            dl->AddText(font, cfs, ImVec2(x + (w - vs.x) / 2, y + (chip - vs.y) / 2), ink_on(tc),
                        chips[i].second.c_str());
            x += w + 2;
        }
        // Markers: badges with a short code and the strength.
        float mx = 0;
        std::vector<std::pair<std::string, int>> badges;
        for (int m = 0; m < b.marker_kinds && m < static_cast<int>(marker_codes_.size()); ++m)
            if (int v = b.marker(r, m); v > 0) badges.emplace_back(marker_codes_[m], v);
        float bfs = fs * 0.8f;
        float total = 0;
        std::vector<float> widths;
        for (auto& [code, v] : badges) {
            std::string s = code + " " + std::to_string(v);
            float w = font->CalcTextSizeA(bfs, FLT_MAX, 0, s.c_str()).x + 8;
            widths.push_back(w);
            total += w + 3;
        }
        mx = c.x - total / 2;
        float my = y + chip + 3;
        for (std::size_t i = 0; i < badges.size(); ++i) {
            std::string s = badges[i].first + " " + std::to_string(badges[i].second);
            dl->AddRectFilled(ImVec2(mx, my), ImVec2(mx + widths[i], my + bfs + 4), im(palette::kArmedGroup, 240), 3);
            dl->AddText(font, bfs, ImVec2(mx + 4, my + 2), IM_COL32(255, 255, 255, 255), s.c_str());
            mx += widths[i] + 3;
        }
    }

    dl->PopClipRect();
}

void BoardView::overlay_live(ImDrawList* dl) const {
    if (!map_) return;
    ImFont* font = ImGui::GetFont();
    const sf::FloatRect& vp = cam_.viewport();
    float fit_zoom = cam_.fit_zoom();
    float k = std::clamp(std::sqrt(cam_.zoom() / fit_zoom), 0.85f, 1.6f);
    float fs = std::round(15.0f * k * text_scale);
    dl->PushClipRect(ImVec2(vp.left, vp.top),
                     ImVec2(vp.left + vp.width, vp.top + vp.height), true);
    // Hovered region outline.
    if (hovered >= 0)
        for (const Shape& s : shapes_)
            if (s.region == hovered)
                for (const auto& ring : s.geo->rings) {
                    std::vector<ImVec2> pts;
                    for (const auto& p : ring) {
                        auto q = cam_.to_screen(p.x, p.y);
                        pts.emplace_back(q.x, q.y);
                    }
                    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), im(palette::kHighlight),
                                    ImDrawFlags_Closed, 2.5f);
                }

    // Teammates' pings: an expanding ring for three seconds.
    auto now = std::chrono::steady_clock::now();
    for (const Ping& p : pings) {
        float t = std::chrono::duration<float>(now - p.at).count();
        if (t > 3) continue;
        auto q = cam_.to_screen(p.x, p.y);
        float rad = 6 + 22 * std::fmod(t, 1.0f);
        int alpha = static_cast<int>(255 * (1 - t / 3));
        dl->AddCircle(ImVec2(q.x, q.y), rad, IM_COL32(255, 220, 80, alpha), 0, 3);
        dl->AddCircleFilled(ImVec2(q.x, q.y), 4, IM_COL32(255, 220, 80, alpha));
        dl->AddText(font, fs, ImVec2(q.x + 10, q.y - fs - 4), IM_COL32(255, 230, 140, alpha), p.name.c_str());
    }
    dl->PopClipRect();
}

}  // namespace gb::client
