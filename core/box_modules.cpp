#include "box_module.hpp"

namespace skolnav {

extern const BoxModule absence_module, assessments_module, assignments_module, attachments_module, blog_module,
    calendar_module, care_times_module, contacts_module, documentation_module, etests_module, information_module,
    meetings_module, notifications_module, plans_module, timetable_module, calendar_feed_module;

const std::vector<const BoxModule*>& box_modules() {
    static const std::vector<const BoxModule*> all = {
        &absence_module,   &information_module, &calendar_module,  &timetable_module, &plans_module,
        &blog_module,      &contacts_module,    &documentation_module, &assessments_module, &etests_module,
        &assignments_module, &care_times_module, &meetings_module, &attachments_module, &notifications_module,
        &calendar_feed_module,
    };
    return all;
}

}  // namespace skolnav
