// Planeringar: the teaching plans the pupil has access to. The list comes from the
// server current first, then upcoming, then finished; it is shown in those three
// sections, the finished ones folded away behind a button. Opening a plan shows it at
// once from the list and fetches it afresh (GET /pupils/{pupil}/plans/{plan}).
#pragma once
#include <string>
#include <vector>

#include "app/fetch_state.hpp"
#include "app/ui.hpp"
#include "boxes/box.hpp"

namespace boxes {

struct TeachingPlan {
    std::string id, subject, title, body, from, to;
    std::string period;  // "current", "upcoming" or "past"
    std::string author, changed_at;
    std::string groups;  // "Hela skolan" or the groups' names
};

class PlaneringarBox : public Box {
public:
    explicit PlaneringarBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;
    void on_open(BoxContext& ctx) override;
    bool show_item(BoxContext& ctx, const std::string& item_id) override;
    bool item_missing() const override { return open_.gone; }

private:
    using Load = app::Load;

    void load(BoxContext& ctx);
    void open_plan(BoxContext& ctx, const TeachingPlan& plan);
    void fetch_plan(BoxContext& ctx);
    void close_plan();
    void draw_list(BoxContext& ctx, const app::Pupil& pupil);
    bool draw_cards(const std::vector<const TeachingPlan*>& plans, const TeachingPlan** to_open);
    void draw_plan(BoxContext& ctx);

    std::string pupil_id_;

    // The list.
    app::Fetch fetch_;
    std::vector<TeachingPlan> plans_;
    std::string today_;
    bool show_past_ = false;

    // The open plan (empty id: the list is shown).
    app::OpenItem open_;
    TeachingPlan plan_;
    app::ui::ListScroll scroll_;  // back to where the list was
};

}  // namespace boxes
