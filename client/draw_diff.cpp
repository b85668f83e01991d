#include "draw_diff.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace gb::client {

void DrawListsCopy::keep(const std::vector<ImDrawList*>& lists) {
    lists_.resize(lists.size());
    for (std::size_t i = 0; i < lists.size(); ++i) {
        const ImDrawList& l = *lists[i];
        lists_[i].vtx.assign(l.VtxBuffer.begin(), l.VtxBuffer.end());
        lists_[i].idx.assign(l.IdxBuffer.begin(), l.IdxBuffer.end());
        lists_[i].cmds.assign(l.CmdBuffer.begin(), l.CmdBuffer.end());
    }
}

namespace {

bool same_cmd(const ImDrawCmd& a, const ImDrawCmd& b) {
    return a.ClipRect.x == b.ClipRect.x && a.ClipRect.y == b.ClipRect.y && a.ClipRect.z == b.ClipRect.z &&
           a.ClipRect.w == b.ClipRect.w && a.TextureId == b.TextureId && a.VtxOffset == b.VtxOffset &&
           a.IdxOffset == b.IdxOffset && a.ElemCount == b.ElemCount && a.UserCallback == b.UserCallback;
}

bool same_vertex(const ImDrawVert& a, const ImDrawVert& b) {
    return a.pos.x == b.pos.x && a.pos.y == b.pos.y && a.uv.x == b.uv.x && a.uv.y == b.uv.y && a.col == b.col;
}

}  // namespace

std::optional<sf::IntRect> DrawListsCopy::differing(const std::vector<ImDrawList*>& now, sf::Vector2u size) const {
    if (now.size() != lists_.size()) return std::nullopt;
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    auto take = [&](ImVec2 p, const ImVec4& clip) {
        x0 = std::min(x0, std::max(p.x, clip.x)), y0 = std::min(y0, std::max(p.y, clip.y));
        x1 = std::max(x1, std::min(p.x, clip.z)), y1 = std::max(y1, std::min(p.y, clip.w));
    };
    std::vector<char> changed;
    for (std::size_t i = 0; i < now.size(); ++i) {
        const ImDrawList& l = *now[i];
        const List& k = lists_[i];
        if (std::size_t(l.VtxBuffer.Size) != k.vtx.size() || std::size_t(l.IdxBuffer.Size) != k.idx.size() ||
            std::size_t(l.CmdBuffer.Size) != k.cmds.size())
            return std::nullopt;
        if (!k.idx.empty() && std::memcmp(l.IdxBuffer.Data, k.idx.data(), k.idx.size() * sizeof(ImDrawIdx)) != 0)
            return std::nullopt;
        for (std::size_t c = 0; c < k.cmds.size(); ++c)
            if (!same_cmd(l.CmdBuffer[int(c)], k.cmds[c])) return std::nullopt;
        changed.assign(k.vtx.size(), 0);
        bool any = false;
        for (std::size_t v = 0; v < k.vtx.size(); ++v)
            if (!same_vertex(l.VtxBuffer[int(v)], k.vtx[v])) changed[v] = 1, any = true;
        if (!any) continue;
        // A triangle with a changed corner may cover new pixels anywhere
        // between its corners, old or new.
        for (const ImDrawCmd& c : k.cmds)
            for (unsigned e = 0; e + 2 < c.ElemCount + 0u; e += 3) {
                unsigned a = c.VtxOffset + k.idx[c.IdxOffset + e], b = c.VtxOffset + k.idx[c.IdxOffset + e + 1],
                         d = c.VtxOffset + k.idx[c.IdxOffset + e + 2];
                if (a >= k.vtx.size() || b >= k.vtx.size() || d >= k.vtx.size()) return std::nullopt;
                if (!changed[a] && !changed[b] && !changed[d]) continue;
                for (unsigned v : {a, b, d}) {
                    take(k.vtx[v].pos, c.ClipRect);
                    take(l.VtxBuffer[int(v)].pos, c.ClipRect);
                }
            }
    }
    if (x1 < x0 || y1 < y0) return sf::IntRect();
    int l = std::max(0, int(std::floor(x0)) - 1), t = std::max(0, int(std::floor(y0)) - 1);
    int r = std::min(int(size.x), int(std::ceil(x1)) + 1), b = std::min(int(size.y), int(std::ceil(y1)) + 1);
    if (r <= l || b <= t) return sf::IntRect();
    return sf::IntRect(l, t, r - l, b - t);
}

}  // namespace gb::client
