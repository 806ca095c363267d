// Schema: the pupil's lessons by day and by week.
#pragma once
#include <string>

#include "boxes/box.hpp"

namespace boxes {

class SchemaBox : public Box {
public:
    explicit SchemaBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;

private:
    std::string pupil_id_;
};

}  // namespace boxes
