// Planeringar: the teaching plans the pupil has access to.
#pragma once
#include <string>

#include "boxes/box.hpp"

namespace boxes {

class PlaneringarBox : public Box {
public:
    explicit PlaneringarBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;

private:
    std::string pupil_id_;
};

}  // namespace boxes
