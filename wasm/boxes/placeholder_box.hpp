// A box this client does not have yet: a plain card with its name, and a full view
// that says so, so every enabled box is visible on the start page from day one.
#pragma once
#include <string>

#include "boxes/box.hpp"

namespace boxes {

class PlaceholderBox : public Box {
public:
    explicit PlaceholderBox(std::string wire_name) : wire_name_(std::move(wire_name)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;

private:
    std::string wire_name_;
};

}  // namespace boxes
