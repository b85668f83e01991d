#include "camera.hpp"

#include <algorithm>
#include <cmath>

namespace gb::client {

void Camera::set_map_size(float width, float height) {
    map_w_ = width;
    map_h_ = height;
    fit();
}

void Camera::set_viewport(sf::FloatRect px, sf::Vector2u window) {
    bool resized = px.width != viewport_.width || px.height != viewport_.height;
    if (px != viewport_ || window != window_) ++version_;
    viewport_ = px;
    window_ = window;
    // A bigger or smaller board shows the whole map again, at its new scale.
    if (resized) fit();
}

float Camera::fit_zoom() const {
    if (map_w_ <= 0 || map_h_ <= 0 || viewport_.width <= 0) return 1;
    return std::min(viewport_.width / map_w_, viewport_.height / map_h_);
}

void Camera::fit() {
    if (map_w_ <= 0 || viewport_.width <= 0) return;
    zoom_ = fit_zoom();
    centre_ = {map_w_ / 2, map_h_ / 2};
    ++version_;
}

sf::Vector2f Camera::to_screen(float x, float y) const {
    return {viewport_.left + viewport_.width / 2 + (x - centre_.x) * zoom_,
            viewport_.top + viewport_.height / 2 + (y - centre_.y) * zoom_};
}

sf::Vector2f Camera::to_map(sf::Vector2f px) const {
    return {centre_.x + (px.x - viewport_.left - viewport_.width / 2) / zoom_,
            centre_.y + (px.y - viewport_.top - viewport_.height / 2) / zoom_};
}

sf::View Camera::view() const {
    sf::View v;
    v.setCenter(centre_);
    v.setSize(viewport_.width / zoom_, viewport_.height / zoom_);
    if (window_.x > 0 && window_.y > 0)
        v.setViewport(sf::FloatRect(viewport_.left / window_.x, viewport_.top / window_.y,
                                    viewport_.width / window_.x, viewport_.height / window_.y));
    return v;
}

bool Camera::handle(const sf::Event& e, bool gui_has_mouse) {
    switch (e.type) {
        case sf::Event::MouseWheelScrolled: {
            sf::Vector2f px(float(e.mouseWheelScroll.x), float(e.mouseWheelScroll.y));
            if (gui_has_mouse || !viewport_.contains(px) || map_w_ <= 0) return false;
            sf::Vector2f before = to_map(px);
            float fz = fit_zoom();
            zoom_ = std::clamp(zoom_ * std::pow(1.15f, e.mouseWheelScroll.delta), fz * 0.6f, fz * 8.0f);
            sf::Vector2f after = to_map(px);
            centre_ += before - after;  // zoom about the cursor
            ++version_;
            return true;
        }
        case sf::Event::MouseButtonPressed: {
            sf::Vector2f px(float(e.mouseButton.x), float(e.mouseButton.y));
            if (gui_has_mouse || !viewport_.contains(px)) return false;
            if (e.mouseButton.button == sf::Mouse::Left || e.mouseButton.button == sf::Mouse::Middle) {
                dragging_ = true;
                drag_moved_ = false;
                drag_from_ = press_at_ = px;
            }
            return false;
        }
        case sf::Event::MouseButtonReleased: dragging_ = false; return false;
        case sf::Event::MouseMoved: {
            sf::Vector2f px(float(e.mouseMove.x), float(e.mouseMove.y));
            if (dragging_) {
                if (std::abs(px.x - press_at_.x) + std::abs(px.y - press_at_.y) > 4) drag_moved_ = true;
                centre_ -= (px - drag_from_) / zoom_;
                drag_from_ = px;
                ++version_;
                return true;
            }
            return false;
        }
        default: return false;
    }
}

}  // namespace gb::client
