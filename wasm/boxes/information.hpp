// Information: the school's news for the pupil, an article with its files and links.
#pragma once
#include <string>

#include "boxes/box.hpp"

namespace boxes {

class InformationBox : public Box {
public:
    explicit InformationBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;

private:
    std::string pupil_id_;
};

}  // namespace boxes
