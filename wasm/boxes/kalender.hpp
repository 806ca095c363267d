// Kalender: the school calendar week by week (types marked) and by month.
#pragma once
#include <string>

#include "boxes/box.hpp"

namespace boxes {

class KalenderBox : public Box {
public:
    explicit KalenderBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;

private:
    std::string pupil_id_;
};

}  // namespace boxes
