// Frånvaro: whole-day absence reports by a guardian (or an adult pupil in
// gymnasieskola) for today or tomorrow in the school's time zone, withdrawable until
// the reported day begins.
#include "core/boxes/absence.hpp"

#include <algorithm>

#include "core/api_error.hpp"
#include "core/box_module.hpp"
#include "core/json_mapping.hpp"
#include "core/permissions.hpp"
#include "core/pupil_access.hpp"
#include "core/request_body.hpp"

namespace skolnav {

bool is_reportable_day(const Date& day, const Date& today) { return day == today || day == today.plus_days(1); }

bool is_withdrawable(const AbsenceReport& report, const Date& today) { return today < report.date; }

const AbsenceReport* whole_day_report(const State& state, const Id& pupil_id, const Date& day) {
    for (const auto& [id, r] : state.absence.reports)
        if (r.pupil_id == pupil_id && r.date == day) return &r;
    return nullptr;
}

void to_json(json& j, const AbsenceReport& a) {
    j = {{"id", a.id},           {"pupil_id", a.pupil_id},       {"date", a.date.iso()},
         {"comment", a.comment}, {"reported_by", a.reported_by}, {"reported_at", a.reported_at}};
}
void from_json(const json& j, AbsenceReport& a) {
    a.id = j.at("id").get<std::string>();
    a.pupil_id = j.at("pupil_id").get<std::string>();
    a.date = j.at("date").get<Date>();
    a.comment = j.at("comment").get<std::string>();
    a.reported_by = j.at("reported_by").get<std::string>();
    a.reported_at = j.at("reported_at").get<UnixSeconds>();
}

namespace {

// Why someone who sees the pupil still may not report or withdraw absence.
ApiError absence_refused(const State& state, const Person& me, const Person& pupil) {
    const School* school = school_of(state, pupil);
    const auto& boxes = school->enabled_boxes;
    if (std::find(boxes.begin(), boxes.end(), Box::Franvaro) == boxes.end())
        return ApiError(403, "forbidden", school->name + " tar inte emot frånvaroanmälningar i Skolnav.");
    if (me.id == pupil.id && school->form != SchoolForm::Gymnasieskola)
        return ApiError(403, "forbidden", "Frånvaro anmäls av vårdnadshavare.");
    return ApiError(403, "forbidden", "Frånvaro för elever under 18 år anmäls av vårdnadshavare.");
}

json report_json(const State& state, const AbsenceReport& r, const School& school, bool can_withdraw) {
    const Person* by = find_person(state, r.reported_by);
    return {{"id", r.id},
            {"date", r.date.iso()},
            {"comment", r.comment},
            {"reported_by", {{"id", r.reported_by}, {"name", by ? by->full_name() : ""}}},
            {"reported_at", TimeZone::named(school.time_zone)->local_iso(r.reported_at)},
            {"can_withdraw", can_withdraw}};
}

}  // namespace

Response list_absence(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = visible_pupil(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
    const bool may_report = may_report_absence(state, *ctx.me, access.pupil, access.today);

    std::vector<const AbsenceReport*> mine;
    for (const auto& [id, r] : state.absence.reports)
        if (r.pupil_id == access.pupil.id) mine.push_back(&r);
    std::sort(mine.begin(), mine.end(), [](const AbsenceReport* a, const AbsenceReport* b) {
        return a->date != b->date ? b->date < a->date : a->reported_at > b->reported_at;
    });
    json reports = json::array();
    for (const AbsenceReport* r : mine)
        reports.push_back(report_json(state, *r, access.school, may_report && is_withdrawable(*r, access.today)));

    Response res;
    res.body = {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}},
                {"today", access.today.iso()},
                {"tomorrow", access.today.plus_days(1).iso()},
                {"can_report", may_report},
                {"reports", reports}};
    return res;
}

Response report_absence(Context& ctx) {
    RequestBody body(ctx.request.body, {"date", "comment"});
    const Date day = body.required_date("date");
    const std::string comment = body.optional_string("comment", kAbsenceCommentMaxChars);

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = visible_pupil(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        if (!may_report_absence(state, *ctx.me, access.pupil, access.today))
            throw absence_refused(state, *ctx.me, access.pupil);
        if (!is_reportable_day(day, access.today))
            throw bad_request("date", "Frånvaro kan bara anmälas för idag (" + access.today.iso() + ") eller i morgon (" +
                                          access.today.plus_days(1).iso() + ").");
        if (whole_day_report(state, access.pupil.id, day))
            throw ApiError(409, "conflict", access.pupil.first_name + " är redan frånvaroanmäld " + day.iso() + ".", "date");

        AbsenceReport report{txn.new_id("abs"), access.pupil.id, day, comment, ctx.me->id, ctx.now};
        seq = txn.commit({{"type", "absence_reported"}, {"report", report}});
        reply = report_json(state, report, access.school, is_withdrawable(report, access.today));
    }
    ctx.services.store.make_durable(seq);  // the reply promises the report survives a crash
    Response res;
    res.status = 201;
    res.body = {{"report", reply}};
    return res;
}

Response withdraw_absence(Context& ctx) {
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = visible_pupil(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        auto it = state.absence.reports.find(ctx.params.at("report"));
        if (it == state.absence.reports.end() || it->second.pupil_id != access.pupil.id) throw not_found();
        if (!may_report_absence(state, *ctx.me, access.pupil, access.today))
            throw absence_refused(state, *ctx.me, access.pupil);
        if (!is_withdrawable(it->second, access.today))
            throw ApiError(409, "conflict", "Dagen har redan börjat, så frånvaroanmälan kan inte tas bort.");
        seq = txn.commit({{"type", "absence_withdrawn"}, {"id", it->second.id}});
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 204;
    return res;
}

namespace {

bool apply(State& state, const std::string& type, const json& event) {
    if (type == "absence_reported") {
        auto report = event.at("report").get<AbsenceReport>();
        Id id = report.id;
        state.absence.reports[id] = std::move(report);
    } else if (type == "absence_withdrawn") {
        state.absence.reports.erase(event.at("id").get<std::string>());
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json list = json::array();
    for (const auto& [id, r] : state.absence.reports) list.push_back(r);
    out["absence_reports"] = std::move(list);
}

void load(const json& in, State& state) {
    state.absence.reports.clear();
    for (const auto& item : in.value("absence_reports", json::array())) {
        auto r = item.get<AbsenceReport>();
        Id id = r.id;
        state.absence.reports.emplace(std::move(id), std::move(r));
    }
}

json card(const CardContext& ctx, Box) {
    int coming = 0;
    const AbsenceReport* next = nullptr;
    for (const auto& [id, r] : ctx.state.absence.reports)
        if (r.pupil_id == ctx.pupil.id && ctx.today <= r.date) {
            ++coming;
            if (!next || r.date < next->date) next = &r;
        }
    json c = {{"count", coming},
              {"summary", coming == 0 ? "Ingen anmäld frånvaro" : std::to_string(coming) + " anmäld frånvaro framåt"}};
    if (next) c["next"] = {{"date", next->date.iso()}, {"comment", next->comment}};
    return c;
}

}  // namespace

extern const BoxModule absence_module{
    "absence",
    {Box::Franvaro},
    {
        {"GET", "/api/v1/pupils/{pupil}/absence", true, list_absence, Access::PupilData},
        {"POST", "/api/v1/pupils/{pupil}/absence", true, report_absence, Access::ReportForPupil},
        {"DELETE", "/api/v1/pupils/{pupil}/absence/{report}", true, withdraw_absence, Access::ReportForPupil},
    },
    apply,
    save,
    load,
    nullptr,
    card,
};

}  // namespace skolnav
