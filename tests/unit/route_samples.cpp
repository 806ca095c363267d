#include "route_samples.hpp"

#include <regex>
#include <set>

namespace skolnav::test {

namespace {

// A valid body for every write route addressed by pupil, group or school alone, so the
// permission check is what decides. "{group}" in a body is the 7A class (staff publish
// to their own groups). A new route of this kind without a body here fails the test.
const std::map<std::string, std::string> kValidBodies = {
    {"POST /api/v1/pupils/{pupil}/absence", R"({"date":"2026-12-01","comment":"Feber"})"},
    {"POST /api/v1/pupils/{pupil}/registered-absence", R"({"date":"2026-11-30","valid":true,"minutes":40})"},
    {"POST /api/v1/pupils/{pupil}/assessments/read", ""},
    {"PUT /api/v1/pupils/{pupil}/grades", R"({"subject":"Matematik","term":"HT2026","grade":"C"})"},
    {"POST /api/v1/pupils/{pupil}/documentation", R"({"kind":"anteckningar","title":"Samtal om läsning"})"},
    {"PUT /api/v1/pupils/{pupil}/care-times/{date}", R"({"arrival":"08:00","pickup":"15:30","comment":"Mormor hämtar"})"},
    {"PUT /api/v1/pupils/{pupil}/care-times/{date}/staff-comment", R"({"comment":"Vi går till skogen"})"},
    {"POST /api/v1/groups/{group}/criteria", R"({"subject":"Matematik","title":"Algebra","parts":["Förstår variabler","Löser ekvationer"]})"},
    {"POST /api/v1/groups/{group}/assignments", R"({"title":"Läxa kapitel 4","due_date":"2026-12-04"})"},
    {"POST /api/v1/groups/{group}/etests",
     R"({"title":"Glosor","opens_at":"2026-12-01T08:00:00+01:00","closes_at":"2026-12-01T09:00:00+01:00","questions":[{"type":"text","text":"Vad heter hund på engelska?"}]})"},
    {"POST /api/v1/groups/{group}/lessons", R"({"subject":"Musik","weekday":3,"start":"13:00","end":"13:50","room":"Aulan"})"},
    {"POST /api/v1/groups/{group}/meeting-slots", R"({"date":"2026-12-10","start":"08:00","duration_minutes":20})"},
    {"PUT /api/v1/groups/{group}/care-times/locked/{date}", ""},
    {"DELETE /api/v1/groups/{group}/care-times/locked/{date}", ""},
    {"POST /api/v1/schools/{school}/news", R"({"title":"Luciafirande","body":"Välkomna!","group_ids":["{group}"]})"},
    {"POST /api/v1/schools/{school}/blog", R"({"title":"Veckan som gått","body":"Vi har läst.","group_ids":["{group}"]})"},
    {"POST /api/v1/schools/{school}/calendar", R"({"type":"activity","title":"Skridskor","date":"2026-12-04","group_ids":["{group}"]})"},
    {"POST /api/v1/schools/{school}/plans",
     R"({"subject":"Svenska","title":"Läsprojekt","from":"2026-12-01","to":"2026-12-18","group_ids":["{group}"]})"},
    {"PUT /api/v1/schools/{school}/boxes", R"({"boxes":["franvaro","information","kalender"]})"},
    {"PUT /api/v1/schools/{school}/assessment-legend", R"({"red":"Behöver stöd","yellow":"På väg","green":"Uppnått"})"},
    {"PUT /api/v1/schools/{school}/grade-publishing", R"({"published":true})"},
    {"PUT /api/v1/schools/{school}/documentation-kinds", R"({"kinds":["portfolio","anteckningar"]})"},
    {"PUT /api/v1/schools/{school}/opening-hours", R"({"open":"06:30","close":"18:00"})"},
};

// These name an object by the pupil alone (the booking, a day's times) and answer "not
// found" when there is none: the exactness test for objects is the GET test and each
// box's own tests.
const std::set<std::string> kImplicitObject = {"DELETE /api/v1/pupils/{pupil}/meetings/booking",
                                               "DELETE /api/v1/pupils/{pupil}/care-times/{date}"};

}  // namespace

const std::vector<const char*> kPersonas = {"demo.vh",      "demo.vh2",    "demo.vh.gy",         "demo.elev",    "demo.elev.gy",
                                            "demo.elev18", "demo.elev18.privat", "demo.personal", "demo.admin"};

bool is_denial(const Response& r) {
    if (r.status == 401) return true;
    if (r.status != 403 && r.status != 404) return false;
    const std::string code = r.body.is_object() && r.body.contains("error") ? r.body["error"].value("code", "") : "";
    return code == "not_found" || code == "no_insyn" || code == "forbidden" || code == "unauthenticated";
}

std::vector<std::string> params_of(const std::string& pattern) {
    std::vector<std::string> out;
    static const std::regex param(R"(\{([a-z_]+)\})");
    for (auto it = std::sregex_iterator(pattern.begin(), pattern.end(), param); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}

std::string fill(std::string pattern, const std::map<std::string, std::string>& values) {
    for (const auto& [k, v] : values) {
        const std::string key = "{" + k + "}";
        for (auto pos = pattern.find(key); pos != std::string::npos; pos = pattern.find(key)) pattern.replace(pos, key.size(), v);
    }
    return pattern;
}

bool addressed_by_owner_alone(const Route& route) {
    if (kImplicitObject.count(std::string(route.method) + " " + route.pattern)) return false;
    const auto params = params_of(route.pattern);
    if (params.empty()) return false;
    for (const auto& p : params)
        if (p != "pupil" && p != "group" && p != "school" && p != "date") return false;
    return true;
}

AllowedCaller allowed_caller(Access access) {
    switch (access) {
        case Access::ReportForPupil:
        case Access::PupilData: return {"demo.vh", "pupil", "Elsa"};
        case Access::PupilOnly: return {"demo.elev", "pupil", "Elsa"};
        case Access::GuardianOnly: return {"demo.vh", "pupil", "Olle"};  // förskola: Tidsregistrering
        case Access::StaffOfPupil: return {"demo.personal", "pupil", "Elsa"};
        case Access::StaffOfGroup: return {"demo.personal", "group", "7A"};
        case Access::StaffOfSchool: return {"demo.personal", "school", "sch-2"};
        case Access::AdminOfSchool: return {"demo.admin", "school", "sch-2"};
        case Access::Anyone:
        case Access::SignedIn: break;
    }
    return {"demo.vh", "", ""};
}

std::optional<std::string> valid_body(const Route& route) {
    auto it = kValidBodies.find(std::string(route.method) + " " + route.pattern);
    if (it == kValidBodies.end()) return std::nullopt;
    return it->second;
}

const std::map<std::string, BodyIdField>& body_id_fields() {
    static const std::map<std::string, BodyIdField> fields = {
        {"attachment_ids", {IdKind::Attachment, true}}, {"group_ids", {IdKind::Group, true}},
        {"pupil", {IdKind::Pupil, false}},              {"teacher", {IdKind::Staff, false}},
        {"lessons", {IdKind::Lesson, true}},            {"lesson", {IdKind::Lesson, false}},
        {"ids", {IdKind::Notification, true}},
    };
    return fields;
}

bool is_plain_body_field(const std::string& field) {
    static const std::set<std::string> plain = {
        "title", "body", "description", "comment", "date", "end_date", "start_time", "end_time", "type", "links",
        "subject", "from", "to", "published", "parts", "level", "term", "grade", "red", "yellow", "green",
        "not_assessed", "due_date", "due_time", "text", "feedback", "hidden", "arrival", "pickup", "open", "close",
        "phone", "email", "address", "consent", "kind", "kinds", "boxes", "answers", "instructions", "opens_at",
        "closes_at", "questions", "start", "duration_minutes", "count", "place", "weekday", "end", "room",
        "valid_from", "valid_to", "minutes", "valid", "note", "all", "username", "password", "visibility"};
    return plain.count(field) > 0;
}

const std::map<std::string, std::string>& writes_without_body_ids() {
    static const std::map<std::string, std::string> routes = {
        {"POST /api/v1/session", "{username, password}: the sign-in itself"},
        {"POST /api/v1/bankid/orders", "{qr}: a flag; a BankID sign-in, before anyone is signed in"},
        {"PUT /api/v1/me/password", "{current_password, new_password}: one's own password, no ids"},
        {"POST /api/v1/attachments", "the file's bytes, not JSON"},
        {"PUT /api/v1/pupils/{pupil}/criteria/{criterion}/parts/{part}", "{level}: a colour"},
        {"PUT /api/v1/pupils/{pupil}/criteria/{criterion}/comment", "{comment}: text"},
        {"POST /api/v1/pupils/{pupil}/assignments/{assignment}/messages", "{text}"},
        {"POST /api/v1/groups/{group}/assignments/{assignment}/pupils/{pupil}/messages", "{text}"},
        {"POST /api/v1/groups/{group}/assignments/{assignment}/pupils/{pupil}/return", "{feedback}: text"},
        {"POST /api/v1/pupils/{pupil}/blog/{post}/comments", "{body}"},
        {"PUT /api/v1/blog/{post}/comments/{comment}", "{hidden}: a flag"},
        {"PUT /api/v1/me/contact-visibility", "{phone, email, address}: flags"},
        {"PUT /api/v1/me/insyn", "{consent}: a flag"},
        {"POST /api/v1/pupils/{pupil}/etests/{etest}/submission", "{answers}: one per question, by position"},
        {"POST /api/v1/groups/{group}/etests/{etest}/publish", "no body"},
        {"POST /api/v1/pupils/{pupil}/meetings/{slot}/booking", "no body: the slot is in the path"},
        {"POST /api/v1/pupils/{pupil}/assessments/read", "no body"},
        {"PUT /api/v1/groups/{group}/care-times/locked/{date}", "no body: the day is in the path"},
    };
    return routes;
}

}  // namespace skolnav::test
