// Blogg: the teachers' posts for the pupil's groups; pupils comment.
#pragma once
#include <string>

#include "boxes/box.hpp"

namespace boxes {

class BloggBox : public Box {
public:
    explicit BloggBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;

private:
    std::string pupil_id_;
};

}  // namespace boxes
