// Utvecklingssamtal: book, change or cancel a development-talk time.
#pragma once
#include <string>

#include "boxes/box.hpp"

namespace boxes {

class UtvecklingssamtalBox : public Box {
public:
    explicit UtvecklingssamtalBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;

private:
    std::string pupil_id_;
};

}  // namespace boxes
