// Kontaktlista: the class list (förskola: the group) with contact details. Staff come
// first with their e-mail; then each pupil, alphabetically as the server sends them,
// with their guardians and the details each guardian chose to show. An e-mail address
// opens the user's mail program (mailto:); a guardian can also e-mail all guardians at
// once. Guardians get a second tab, "Mina kontaktuppgifter", where they choose which of
// their own phone, e-mail and address the others see. Pupils only read the list.
#pragma once
#include <string>
#include <vector>

#include "app/fetch_state.hpp"
#include "boxes/box.hpp"

namespace boxes {

struct ListedGuardian {
    std::string id, name, email, phone, address;  // empty: not shown to others
    bool me = false;                              // the signed-in guardian
};

struct ListedPupil {
    std::string id, name;
    std::vector<ListedGuardian> guardians;
};

struct ListedStaff {
    std::string id, name, email, title;
    bool mentor = false;
};

// Which of a guardian's own details the class list shows.
struct ShownDetails {
    bool phone = false, email = true, address = false;
    bool operator==(const ShownDetails& o) const { return phone == o.phone && email == o.email && address == o.address; }
    bool operator!=(const ShownDetails& o) const { return !(*this == o); }
};

class KontaktlistaBox : public Box {
public:
    explicit KontaktlistaBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;
    void on_open(BoxContext& ctx) override;

private:
    using Load = app::Load;
    enum class Tab { List, Settings };

    void load_list(BoxContext& ctx);
    void load_settings(BoxContext& ctx);
    void save_settings(BoxContext& ctx);
    void draw_tabs(const app::Pupil& pupil);
    void draw_list(BoxContext& ctx, const app::Pupil& pupil);
    void draw_staff(bool narrow);
    void draw_pupil(const ListedPupil& p, bool guardian_view, bool narrow);
    void draw_settings(BoxContext& ctx);

    std::string pupil_id_;
    Tab tab_ = Tab::List;

    // The class list.
    app::Fetch list_fetch_;
    bool list_forbidden_ = false;
    std::string group_name_, school_name_;
    std::vector<ListedStaff> staff_;
    std::vector<ListedPupil> pupils_;

    // The guardian's own choice ("Mina kontaktuppgifter").
    app::Fetch settings_fetch_;
    ShownDetails saved_;   // as the server has it
    ShownDetails chosen_;  // the checkboxes
    std::string my_email_, my_phone_, my_address_;
    bool saving_ = false;
    std::string save_error_, save_success_;
};

}  // namespace boxes
