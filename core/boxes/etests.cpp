// eTest: tests staff publish to a group; the pupil (never a guardian) opens one while
// it is open, answers, and submits once. Choice questions are scored automatically.
//   GET  /api/v1/pupils/{pupil}/etests                          the pupil's published tests
//   GET  /api/v1/pupils/{pupil}/etests/{etest}                  one, without the correct answers
//   POST /api/v1/pupils/{pupil}/etests/{etest}/submission       {"answers": [...]}, once, while open
//   GET  /api/v1/groups/{group}/etests                          staff: the group's tests
//   POST /api/v1/groups/{group}/etests                          staff: a new test (draft or published)
//   PUT  /api/v1/groups/{group}/etests/{etest}                  staff: change a draft
//   POST /api/v1/groups/{group}/etests/{etest}/publish          staff: publish a draft
//   GET  /api/v1/groups/{group}/etests/{etest}/results          staff: results per pupil
#include "core/boxes/etests.hpp"

#include <algorithm>
#include <set>

#include "core/api_error.hpp"
#include "core/box_module.hpp"
#include "core/json_mapping.hpp"
#include "core/notifications.hpp"
#include "core/permissions.hpp"
#include "core/pupil_access.hpp"
#include "core/request_body.hpp"

namespace skolnav {

namespace {

constexpr std::size_t kTitleMaxChars = 200, kInstructionsMaxChars = 5000, kQuestionMaxChars = 1000,
                      kOptionMaxChars = 300, kAnswerMaxChars = 5000, kMaxQuestions = 50, kMaxOptions = 10;

const char* kind_name(QuestionKind k) {
    switch (k) {
        case QuestionKind::Single: return "single";
        case QuestionKind::Multiple: return "multiple";
        case QuestionKind::Text: return "text";
    }
    return "text";
}
std::optional<QuestionKind> kind_from(const std::string& s) {
    if (s == "single") return QuestionKind::Single;
    if (s == "multiple") return QuestionKind::Multiple;
    if (s == "text") return QuestionKind::Text;
    return std::nullopt;
}

}  // namespace

void to_json(json& j, const ETestQuestion& q) {
    j = {{"type", kind_name(q.kind)}, {"text", q.text}, {"options", q.options}, {"correct", q.correct}};
}
void from_json(const json& j, ETestQuestion& q) {
    auto k = kind_from(j.at("type").get<std::string>());
    if (!k) throw std::runtime_error("unknown eTest question type");
    q.kind = *k;
    q.text = j.at("text").get<std::string>();
    q.options = j.at("options").get<std::vector<std::string>>();
    q.correct = j.at("correct").get<std::vector<int>>();
}
void to_json(json& j, const ETest& t) {
    j = {{"id", t.id},
         {"group_id", t.group_id},
         {"title", t.title},
         {"instructions", t.instructions},
         {"opens_at", t.opens_at},
         {"closes_at", t.closes_at},
         {"questions", t.questions},
         {"published", t.published},
         {"created_by", t.created_by},
         {"created_at", t.created_at},
         {"published_at", t.published_at}};
}
void from_json(const json& j, ETest& t) {
    t.id = j.at("id").get<std::string>();
    t.group_id = j.at("group_id").get<std::string>();
    t.title = j.at("title").get<std::string>();
    t.instructions = j.at("instructions").get<std::string>();
    t.opens_at = j.at("opens_at").get<UnixSeconds>();
    t.closes_at = j.at("closes_at").get<UnixSeconds>();
    t.questions = j.at("questions").get<std::vector<ETestQuestion>>();
    t.published = j.at("published").get<bool>();
    t.created_by = j.at("created_by").get<std::string>();
    t.created_at = j.at("created_at").get<UnixSeconds>();
    t.published_at = j.value("published_at", UnixSeconds{0});
}
void to_json(json& j, const ETestAnswer& a) { j = {{"choices", a.choices}, {"text", a.text}}; }
void from_json(const json& j, ETestAnswer& a) {
    a.choices = j.at("choices").get<std::vector<int>>();
    a.text = j.at("text").get<std::string>();
}
void to_json(json& j, const ETestSubmission& s) {
    j = {{"etest_id", s.etest_id}, {"pupil_id", s.pupil_id}, {"answers", s.answers}, {"submitted_at", s.submitted_at}};
}
void from_json(const json& j, ETestSubmission& s) {
    s.etest_id = j.at("etest_id").get<std::string>();
    s.pupil_id = j.at("pupil_id").get<std::string>();
    s.answers = j.at("answers").get<std::vector<ETestAnswer>>();
    s.submitted_at = j.at("submitted_at").get<UnixSeconds>();
}

namespace {

// "2026-12-01T08:00:00+01:00", "2026-12-01T07:00Z": an instant with its UTC offset.
std::optional<UnixSeconds> parse_instant(const std::string& s) {
    if (s.size() < 17 || s[10] != 'T') return std::nullopt;
    auto d = Date::parse(s.substr(0, 10));
    auto hm = parse_time_of_day(s.substr(11, 5));
    if (!d || !hm) return std::nullopt;
    std::size_t i = 16;
    int sec = 0;
    if (i < s.size() && s[i] == ':') {
        if (i + 3 > s.size() || s[i + 1] < '0' || s[i + 1] > '5' || s[i + 2] < '0' || s[i + 2] > '9') return std::nullopt;
        sec = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
        i += 3;
    }
    int offset = 0;
    if (i + 1 == s.size() && s[i] == 'Z') {
        offset = 0;
    } else if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-')) {
        auto off = parse_time_of_day(s.substr(i + 1, 5));
        if (!off || *off > 14 * 60) return std::nullopt;
        offset = s[i] == '+' ? *off : -*off;
    } else {
        return std::nullopt;
    }
    return d->days_since_epoch() * 86400 + *hm * 60 + sec - static_cast<UnixSeconds>(offset) * 60;
}

UnixSeconds required_instant(const RequestBody& body, const char* field) {
    auto t = parse_instant(body.required_string(field, 40));
    if (!t)
        throw bad_request(field,
                          std::string("Fältet ") + field +
                              " ska vara en tidpunkt med tidszon, till exempel 2026-12-01T08:00:00+01:00.",
                          std::string("The field ") + field +
                              " must be a point in time with its time zone, for example 2026-12-01T08:00:00+01:00.");
    RequestBody::check_date_bounds(field, Date::from_days_since_epoch(*t / 86400));
    return *t;
}

// A text inside a nested structure: a non-empty string of at most max_chars.
std::string nested_text(const json& v, const std::string& field, std::size_t max_chars, bool may_be_empty = false) {
    if (!v.is_string()) throw bad_request(field, "Fältet " + field + " ska vara text.", "The field " + field + " must be text.");
    const std::string s = v.get<std::string>();
    if (s.empty() && !may_be_empty) throw missing(field);
    if (utf8_length(s) > max_chars)
        throw bad_request(field, "Fältet " + field + " får vara högst " + std::to_string(max_chars) + " tecken.",
                          "The field " + field + " can be at most " + std::to_string(max_chars) + " characters.");
    if (!acceptable_text(s))
        throw bad_request(field, "Fältet " + field + " innehåller otillåtna tecken.",
                          "The field " + field + " contains characters that are not allowed.");
    return s;
}

// Distinct option indexes, each below n.
std::vector<int> index_list(const json& v, const std::string& field, std::size_t n) {
    if (!v.is_array())
        throw bad_request(field, "Fältet " + field + " ska vara en lista med alternativens nummer.",
                          "The field " + field + " must be a list of option numbers.");
    std::set<int> seen;
    for (const auto& x : v) {
        if (!x.is_number_integer() || x.get<long long>() < 0 || x.get<long long>() >= static_cast<long long>(n))
            throw bad_request(field, "Fältet " + field + " ska innehålla alternativnummer från 0 till " + std::to_string(n - 1) + ".",
                              "The field " + field + " must contain option numbers from 0 to " + std::to_string(n - 1) + ".");
        if (!seen.insert(x.get<int>()).second)
            throw bad_request(field, "Fältet " + field + " har samma alternativ två gånger.",
                              "The field " + field + " has the same option twice.");
    }
    return {seen.begin(), seen.end()};
}

std::vector<ETestQuestion> parse_questions(const json& raw) {
    if (raw.is_null()) throw missing("questions");
    if (!raw.is_array())
        throw bad_request("questions", "Fältet questions ska vara en lista med frågor.",
                          "The field questions must be a list of questions.");
    if (raw.empty() || raw.size() > kMaxQuestions)
        throw bad_request("questions", "Ett prov ska ha mellan 1 och " + std::to_string(kMaxQuestions) + " frågor.",
                          "A test must have between 1 and " + std::to_string(kMaxQuestions) + " questions.");
    std::vector<ETestQuestion> out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const std::string at = "questions[" + std::to_string(i) + "]";
        const json& q = raw[i];
        if (!q.is_object())
            throw bad_request(at, "Fråga " + std::to_string(i + 1) + " ska vara ett objekt.",
                              "Question " + std::to_string(i + 1) + " must be an object.");
        for (const auto& [k, v] : q.items())
            if (k != "type" && k != "text" && k != "options" && k != "correct")
                throw bad_request(at + "." + k, "Okänt fält: " + at + "." + k + ".", "Unknown field: " + at + "." + k + ".");
        ETestQuestion question;
        if (!q.contains("type") || !q["type"].is_string() || !kind_from(q["type"].get<std::string>()))
            throw bad_request(at + ".type", "Fältet " + at + ".type ska vara single, multiple eller text.",
                              "The field " + at + ".type must be single, multiple or text.");
        question.kind = *kind_from(q["type"].get<std::string>());
        question.text = nested_text(q.value("text", json()), at + ".text", kQuestionMaxChars);
        const bool has_options = q.contains("options") && !q["options"].is_null();
        const bool has_correct = q.contains("correct") && !q["correct"].is_null();
        if (question.kind == QuestionKind::Text) {
            if (has_options && !(q["options"].is_array() && q["options"].empty()))
                throw bad_request(at + ".options", "En fritextfråga har inga alternativ.", "A free-text question has no options.");
            if (has_correct && !(q["correct"].is_array() && q["correct"].empty()))
                throw bad_request(at + ".correct", "En fritextfråga har inget rätt svar.",
                                  "A free-text question has no correct answer.");
        } else {
            const std::string of = at + ".options";
            if (!has_options || !q["options"].is_array())
                throw bad_request(of, "Fältet " + of + " ska vara en lista med svarsalternativ.",
                                  "The field " + of + " must be a list of answer options.");
            const json& opts = q["options"];
            if (opts.size() < 2 || opts.size() > kMaxOptions)
                throw bad_request(of, "En flervalsfråga ska ha mellan 2 och " + std::to_string(kMaxOptions) + " alternativ.",
                                  "A multiple-choice question must have between 2 and " + std::to_string(kMaxOptions) +
                                      " options.");
            for (std::size_t o = 0; o < opts.size(); ++o)
                question.options.push_back(nested_text(opts[o], of + "[" + std::to_string(o) + "]", kOptionMaxChars));
            const std::string cf = at + ".correct";
            if (!has_correct)
                throw bad_request(cf, "Fältet " + cf + " saknas: ange rätt svar.",
                                  "The field " + cf + " is missing: give the correct answer.");
            question.correct = index_list(q["correct"], cf, question.options.size());
            if (question.kind == QuestionKind::Single && question.correct.size() != 1)
                throw bad_request(cf, "En fråga med ett svar ska ha exakt ett rätt alternativ.",
                                  "A question with one answer must have exactly one correct option.");
            if (question.kind == QuestionKind::Multiple && question.correct.empty())
                throw bad_request(cf, "En fråga med flera svar ska ha minst ett rätt alternativ.",
                                  "A question with several answers must have at least one correct option.");
        }
        out.push_back(std::move(question));
    }
    return out;
}

std::vector<ETestAnswer> parse_answers(const json& raw, const std::vector<ETestQuestion>& questions) {
    if (raw.is_null()) throw missing("answers");
    if (!raw.is_array())
        throw bad_request("answers", "Fältet answers ska vara en lista med ett svar per fråga.",
                          "The field answers must be a list with one answer per question.");
    if (raw.size() != questions.size())
        throw bad_request("answers",
                          "Provet har " + std::to_string(questions.size()) + " frågor; ange ett svar per fråga "
                          "(null för en fråga du hoppar över).",
                          "The test has " + std::to_string(questions.size()) + " questions; give one answer per question "
                          "(null for a question you skip).");
    std::vector<ETestAnswer> out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const std::string at = "answers[" + std::to_string(i) + "]";
        const json& a = raw[i];
        const ETestQuestion& q = questions[i];
        ETestAnswer answer;
        if (a.is_null()) {
            out.push_back(answer);
            continue;
        }
        if (!a.is_object())
            throw bad_request(at, "Svar " + std::to_string(i + 1) + " ska vara ett objekt eller null.",
                              "Answer " + std::to_string(i + 1) + " must be an object or null.");
        const char* expected = q.kind == QuestionKind::Single ? "choice" : q.kind == QuestionKind::Multiple ? "choices" : "text";
        for (const auto& [k, v] : a.items())
            if (k != expected)
                throw bad_request(at + "." + k, "Fråga " + std::to_string(i + 1) + " besvaras med fältet " + expected + ".",
                                  "Question " + std::to_string(i + 1) + " is answered with the field " + expected + ".");
        const std::string f = at + "." + expected;
        if (!a.contains(expected) || a[expected].is_null()) {
            out.push_back(answer);
            continue;
        }
        const json& v = a[expected];
        if (q.kind == QuestionKind::Single) {
            if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() >= static_cast<long long>(q.options.size()))
                throw bad_request(f,
                                  "Fältet " + f + " ska vara ett alternativnummer från 0 till " +
                                      std::to_string(q.options.size() - 1) + ".",
                                  "The field " + f + " must be an option number from 0 to " +
                                      std::to_string(q.options.size() - 1) + ".");
            answer.choices = {v.get<int>()};
        } else if (q.kind == QuestionKind::Multiple) {
            answer.choices = index_list(v, f, q.options.size());
        } else {
            answer.text = nested_text(v, f, kAnswerMaxChars, true);
        }
        out.push_back(std::move(answer));
    }
    return out;
}

bool is_correct(const ETestQuestion& q, const ETestAnswer& a) {
    if (q.kind == QuestionKind::Text) return false;
    std::vector<int> chosen = a.choices, right = q.correct;
    std::sort(chosen.begin(), chosen.end());
    std::sort(right.begin(), right.end());
    return chosen == right;
}
int max_score(const ETest& t) {
    int n = 0;
    for (const auto& q : t.questions) n += q.kind != QuestionKind::Text;
    return n;
}
int score(const ETest& t, const ETestSubmission& s) {
    int n = 0;
    for (std::size_t i = 0; i < t.questions.size() && i < s.answers.size(); ++i) n += is_correct(t.questions[i], s.answers[i]);
    return n;
}

const ETestSubmission* submission_of(const State& state, const Id& test, const Id& pupil) {
    auto t = state.etests.submissions.find(test);
    if (t == state.etests.submissions.end()) return nullptr;
    auto p = t->second.find(pupil);
    return p == t->second.end() ? nullptr : &p->second;
}

std::string status_of(const ETest& t, const ETestSubmission* s, UnixSeconds now) {
    if (s) return "submitted";
    if (now < t.opens_at) return "upcoming";
    if (now >= t.closes_at) return "closed";
    return "open";
}

json summary_json(const State& state, const ETest& t, const School& school, const ETestSubmission* s, UnixSeconds now) {
    auto g = state.groups.find(t.group_id);
    return {{"id", t.id},
            {"title", t.title},
            {"group", {{"id", t.group_id}, {"name", g == state.groups.end() ? "" : g->second.name}}},
            {"opens_at", school_time(school, t.opens_at)},
            {"closes_at", school_time(school, t.closes_at)},
            {"question_count", t.questions.size()},
            {"status", status_of(t, s, now)},
            {"submitted_at", s ? json(school_time(school, s->submitted_at)) : json(nullptr)}};
}

json questions_json(const ETest& t, bool with_correct) {
    json out = json::array();
    for (std::size_t i = 0; i < t.questions.size(); ++i) {
        const auto& q = t.questions[i];
        json j = {{"index", i}, {"type", kind_name(q.kind)}, {"text", q.text}, {"options", q.options}};
        if (with_correct) j["correct"] = q.correct;
        out.push_back(std::move(j));
    }
    return out;
}

json answers_json(const ETestSubmission& s) {
    json out = json::array();
    for (const auto& a : s.answers) out.push_back({{"choices", a.choices}, {"text", a.text}});
    return out;
}

// The pupil themself only: a guardian (or anyone else) gets 404 as for a missing id.
PupilAccess own_etests(Context& ctx, const State& state) {
    if (ctx.me->role != Role::Pupil || ctx.me->id != ctx.params.at("pupil")) throw not_found();
    return pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::ETest);
}

const ETest& pupil_test(const State& state, const Person& pupil, const Id& id) {
    auto it = state.etests.tests.find(id);
    if (it == state.etests.tests.end() || !it->second.published || it->second.group_id != pupil.group_id) throw not_found();
    return it->second;
}

const Group& group_for_staff(const State& state, const Person& me, const Id& group_id) {
    auto it = state.groups.find(group_id);
    if (it == state.groups.end() || !may_publish_to(state, me, it->second.school_id, {group_id})) throw not_found();
    return it->second;
}

const ETest& group_test(const State& state, const Group& group, const Id& id) {
    auto it = state.etests.tests.find(id);
    if (it == state.etests.tests.end() || it->second.group_id != group.id) throw not_found();
    return it->second;
}

json staff_json(const State& state, const ETest& t, const School& school) {
    auto subs = state.etests.submissions.find(t.id);
    return {{"id", t.id},
            {"group_id", t.group_id},
            {"title", t.title},
            {"instructions", t.instructions},
            {"opens_at", school_time(school, t.opens_at)},
            {"closes_at", school_time(school, t.closes_at)},
            {"published", t.published},
            {"questions", questions_json(t, true)},
            {"submissions", subs == state.etests.submissions.end() ? 0 : subs->second.size()}};
}

// --- Pupil routes ------------------------------------------------------------------

Response list_pupil_etests(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = own_etests(ctx, state);
    std::vector<const ETest*> tests;
    for (const auto& [id, t] : state.etests.tests)
        if (t.published && t.group_id == access.pupil.group_id) tests.push_back(&t);
    std::sort(tests.begin(), tests.end(), [](const ETest* a, const ETest* b) { return a->closes_at > b->closes_at; });
    json list = json::array();
    for (const ETest* t : tests)
        list.push_back(summary_json(state, *t, access.school, submission_of(state, t->id, access.pupil.id), ctx.now));
    Response r;
    r.body = {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}}, {"etests", list}};
    return r;
}

Response get_pupil_etest(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = own_etests(ctx, state);
    const ETest& t = pupil_test(state, access.pupil, ctx.params.at("etest"));
    const ETestSubmission* s = submission_of(state, t.id, access.pupil.id);
    json j = summary_json(state, t, access.school, s, ctx.now);
    j["instructions"] = t.instructions;
    const std::string status = j["status"];
    // Questions once the test has opened; never the correct answers.
    j["questions"] = status == "upcoming" ? json::array() : questions_json(t, false);
    j["answers"] = s ? answers_json(*s) : json(nullptr);
    Response r;
    r.body = {{"etest", j}};
    return r;
}

Response submit_etest(Context& ctx) {
    RequestBody body(ctx.request.body, {"answers"});
    std::uint64_t seq;
    json reply;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = own_etests(ctx, state);
        const ETest& t = pupil_test(state, access.pupil, ctx.params.at("etest"));
        if (submission_of(state, t.id, access.pupil.id))
            throw ApiError(409, "already_submitted", {"Du har redan lämnat in provet.", "You have already handed in the test."});
        if (ctx.now < t.opens_at) {
            const std::string opens = school_time(access.school, t.opens_at).substr(0, 16);
            throw ApiError(409, "not_open", {"Provet öppnar " + opens + ".", "The test opens " + opens + "."});
        }
        if (ctx.now >= t.closes_at) {
            const std::string closed = school_time(access.school, t.closes_at).substr(0, 16);
            throw ApiError(409, "closed", {"Provet stängde " + closed + ".", "The test closed " + closed + "."});
        }
        const auto answers = parse_answers(body.raw("answers"), t.questions);
        ETestSubmission s{t.id, access.pupil.id, answers, ctx.now};
        seq = txn.commit({{"type", "etest_submitted"}, {"submission", s}});
        reply = summary_json(state, t, access.school, &s, ctx.now);
        reply["answers"] = answers_json(s);
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.status = 201;
    r.body = {{"etest", reply}};
    return r;
}

// --- Staff routes ------------------------------------------------------------------

struct ParsedTest {
    std::string title, instructions;
    UnixSeconds opens_at, closes_at;
    std::vector<ETestQuestion> questions;
    bool publish;
};

ParsedTest parse_test(const std::string& text, UnixSeconds now) {
    RequestBody body(text, {"title", "instructions", "opens_at", "closes_at", "questions", "published"});
    ParsedTest p;
    p.title = body.required_string("title", kTitleMaxChars);
    p.instructions = body.optional_string("instructions", kInstructionsMaxChars);
    p.opens_at = required_instant(body, "opens_at");
    p.closes_at = required_instant(body, "closes_at");
    if (p.closes_at <= p.opens_at)
        throw bad_request("closes_at", "Provet måste stänga efter att det öppnar.", "The test must close after it opens.");
    if (p.closes_at <= now) throw bad_request("closes_at", "Provet måste stänga i framtiden.", "The test must close in the future.");
    p.questions = parse_questions(body.raw("questions"));
    p.publish = body.optional_bool("published").value_or(false);
    return p;
}

std::uint64_t notify_published(Store::Transaction& txn, const ETest& t, UnixSeconds now, const Id& by) {
    return notify_pupils(txn, pupils_of_group(txn.state(), t.group_id),
                         {Box::ETest, "etest", t.id, {"Nytt prov: " + t.title, "New test: " + t.title}}, now, by);
}

Response list_group_etests(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const Group& group = group_for_staff(state, *ctx.me, ctx.params.at("group"));
    const School& school = state.schools.at(group.school_id);
    json list = json::array();
    for (const auto& [id, t] : state.etests.tests)
        if (t.group_id == group.id) list.push_back(staff_json(state, t, school));
    Response r;
    r.body = {{"group", {{"id", group.id}, {"name", group.name}}}, {"etests", list}};
    return r;
}

Response create_etest(Context& ctx) {
    const ParsedTest p = parse_test(ctx.request.body, ctx.now);
    std::uint64_t seq;
    json reply;
    {
        auto txn = ctx.services.store.begin();
        const Group& group = group_for_staff(txn.state(), *ctx.me, ctx.params.at("group"));
        ETest t{txn.new_id("etest"), group.id, p.title, p.instructions, p.opens_at, p.closes_at, p.questions,
                p.publish,           ctx.me->id, ctx.now, p.publish ? ctx.now : 0};
        seq = txn.commit({{"type", "etest_saved"}, {"etest", t}});
        if (p.publish) seq = std::max(seq, notify_published(txn, t, ctx.now, ctx.me->id));
        reply = staff_json(txn.state(), t, txn.state().schools.at(group.school_id));
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.status = 201;
    r.body = {{"etest", reply}};
    return r;
}

Response update_etest(Context& ctx) {
    const ParsedTest p = parse_test(ctx.request.body, ctx.now);
    std::uint64_t seq;
    json reply;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const Group& group = group_for_staff(state, *ctx.me, ctx.params.at("group"));
        ETest t = group_test(state, group, ctx.params.at("etest"));
        if (t.published)
            throw ApiError(409, "conflict",
                           {"Provet är redan publicerat och kan inte ändras.", "The test is already published and cannot be changed."});
        t.title = p.title;
        t.instructions = p.instructions;
        t.opens_at = p.opens_at;
        t.closes_at = p.closes_at;
        t.questions = p.questions;
        t.published = p.publish;
        t.published_at = p.publish ? ctx.now : 0;
        seq = txn.commit({{"type", "etest_saved"}, {"etest", t}});
        if (p.publish) seq = std::max(seq, notify_published(txn, t, ctx.now, ctx.me->id));
        reply = staff_json(state, t, state.schools.at(group.school_id));
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.body = {{"etest", reply}};
    return r;
}

Response publish_etest(Context& ctx) {
    RequestBody body(ctx.request.body, {});
    std::uint64_t seq;
    json reply;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const Group& group = group_for_staff(state, *ctx.me, ctx.params.at("group"));
        const ETest& t = group_test(state, group, ctx.params.at("etest"));
        if (t.published) throw ApiError(409, "conflict", {"Provet är redan publicerat.", "The test is already published."});
        if (t.closes_at <= ctx.now)
            throw ApiError(409, "closed",
                           {"Provet har redan stängt; ändra tiderna först.", "The test has already closed; change the times first."});
        seq = txn.commit({{"type", "etest_published"}, {"id", t.id}, {"at", ctx.now}});
        seq = std::max(seq, notify_published(txn, t, ctx.now, ctx.me->id));
        reply = staff_json(state, t, state.schools.at(group.school_id));
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.body = {{"etest", reply}};
    return r;
}

Response etest_results(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const Group& group = group_for_staff(state, *ctx.me, ctx.params.at("group"));
    const ETest& t = group_test(state, group, ctx.params.at("etest"));
    const School& school = state.schools.at(group.school_id);
    json pupils = json::array();
    for (const Id& pid : pupils_of_group(state, group.id)) {
        const ETestSubmission* s = submission_of(state, t.id, pid);
        json j = {{"id", pid}, {"name", state.people.at(pid).full_name()}, {"submitted", s != nullptr}};
        if (s) {
            j["submitted_at"] = school_time(school, s->submitted_at);
            j["score"] = score(t, *s);
            json answers = json::array();
            for (std::size_t i = 0; i < t.questions.size(); ++i) {
                const ETestAnswer& a = i < s->answers.size() ? s->answers[i] : ETestAnswer{};
                const bool text = t.questions[i].kind == QuestionKind::Text;
                answers.push_back({{"index", i},
                                   {"choices", a.choices},
                                   {"text", a.text},
                                   {"correct", text ? json(nullptr) : json(is_correct(t.questions[i], a))}});
            }
            j["answers"] = std::move(answers);
        }
        pupils.push_back(std::move(j));
    }
    Response r;
    r.body = {{"etest", staff_json(state, t, school)}, {"max_score", max_score(t)}, {"pupils", pupils}};
    return r;
}

// --- Events, snapshot, demo, card ---------------------------------------------------

bool apply(State& state, const std::string& type, const json& event) {
    auto& s = state.etests;
    if (type == "etest_saved") {
        auto t = event.at("etest").get<ETest>();
        Id id = t.id;
        s.tests[id] = std::move(t);
    } else if (type == "etest_published") {
        ETest& t = s.tests.at(event.at("id").get<std::string>());
        t.published = true;
        t.published_at = event.at("at").get<UnixSeconds>();
    } else if (type == "etest_submitted") {
        auto sub = event.at("submission").get<ETestSubmission>();
        Id test = sub.etest_id, pupil = sub.pupil_id;
        s.submissions[test][pupil] = std::move(sub);
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json tests = json::array(), subs = json::array();
    for (const auto& [id, t] : state.etests.tests) tests.push_back(t);
    for (const auto& [test, by_pupil] : state.etests.submissions)
        for (const auto& [pupil, s] : by_pupil) subs.push_back(s);
    out["etests"] = std::move(tests);
    out["etest_submissions"] = std::move(subs);
}

void load(const json& in, State& state) {
    state.etests = ETestState{};
    for (const auto& j : in.value("etests", json::array())) {
        auto t = j.get<ETest>();
        Id id = t.id;
        state.etests.tests.emplace(std::move(id), std::move(t));
    }
    for (const auto& j : in.value("etest_submissions", json::array())) {
        auto s = j.get<ETestSubmission>();
        Id test = s.etest_id, pupil = s.pupil_id;
        state.etests.submissions[test].emplace(std::move(pupil), std::move(s));
    }
}

void make_demo(DemoContext& ctx) {
    const UnixSeconds day = 86400;
    int n = 0, index = 0;
    for (const auto& [gid, group] : ctx.state.groups) {
        const School& school = ctx.state.schools.at(group.school_id);
        if (school.form == SchoolForm::Forskola) continue;
        const bool gy = school.form == SchoolForm::Gymnasieskola;
        if (index++ % 2 != 0 && group.name != "7A") continue;
        ETest t;
        t.id = "etest-demo-" + std::to_string(++n);
        t.group_id = gid;
        t.created_by = !group.mentor_id.empty() ? group.mentor_id : group.staff_ids.empty() ? "" : group.staff_ids[0];
        t.created_at = ctx.now - 3 * day;
        t.published = true;
        t.published_at = ctx.now - 2 * day;
        t.opens_at = ctx.now - day;
        t.closes_at = ctx.now + 6 * day;
        if (gy) {
            t.title = "Diagnos: funktioner och grafer";
            t.instructions = "Besvara alla frågor. Du har ett försök. Miniräknare är tillåten.";
            t.questions = {{QuestionKind::Single, "Vad är lutningen (k-värdet) för linjen y = 3x − 2?", {"−2", "3", "2", "−3"}, {1}},
                           {QuestionKind::Multiple, "Vilka av punkterna ligger på linjen y = 2x + 1?",
                            {"(0, 1)", "(1, 3)", "(2, 4)", "(−1, −1)"}, {0, 1, 3}},
                           {QuestionKind::Text, "Förklara med egna ord vad en funktion är.", {}, {}}};
        } else {
            t.title = "Glosförhör: vecka " + std::to_string((ctx.today.days_since_epoch() + 3) / 7 % 52 + 1);
            t.instructions = "Välj rätt översättning. Sista frågan besvarar du med en mening på engelska.";
            t.questions = {{QuestionKind::Single, "Vad betyder \"library\"?", {"Labyrint", "Bibliotek", "Laboratorium"}, {1}},
                           {QuestionKind::Single, "Vad betyder \"weather\"?", {"Väder", "Vatten", "Vinter"}, {0}},
                           {QuestionKind::Multiple, "Vilka ord är färger?", {"Yellow", "Chair", "Green", "Window"}, {0, 2}},
                           {QuestionKind::Text, "Skriv en mening om vad du gjorde i helgen.", {}, {}}};
        }
        ctx.state.etests.tests.emplace(t.id, std::move(t));
    }
}

json card(const CardContext& ctx, Box) {
    int todo = 0;
    const ETest* next = nullptr;
    for (const auto& [id, t] : ctx.state.etests.tests) {
        if (!t.published || t.group_id != ctx.pupil.group_id) continue;
        if (status_of(t, submission_of(ctx.state, id, ctx.pupil.id), ctx.now) != "open") continue;
        ++todo;
        if (!next || t.closes_at < next->closes_at) next = &t;
    }
    json c = {{"count", todo},
              {"summary", todo == 0 ? ctx.say("Inga prov att göra", "No tests to take")
                                    : std::to_string(todo) + ctx.say(" prov att göra", todo == 1 ? " test to take" : " tests to take")}};
    if (next)
        c["next"] = {{"id", next->id}, {"title", next->title}, {"closes_at", school_time(ctx.school, next->closes_at)}};
    return c;
}

}  // namespace

extern const BoxModule etests_module{
    "etests",
    {Box::ETest},
    {
        {"GET", "/api/v1/pupils/{pupil}/etests", true, list_pupil_etests, Access::PupilOnly},
        {"GET", "/api/v1/pupils/{pupil}/etests/{etest}", true, get_pupil_etest, Access::PupilOnly},
        {"POST", "/api/v1/pupils/{pupil}/etests/{etest}/submission", true, submit_etest, Access::PupilOnly},
        {"GET", "/api/v1/groups/{group}/etests", true, list_group_etests, Access::StaffOfGroup},
        {"POST", "/api/v1/groups/{group}/etests", true, create_etest, Access::StaffOfGroup},
        {"PUT", "/api/v1/groups/{group}/etests/{etest}", true, update_etest, Access::StaffOfGroup},
        {"POST", "/api/v1/groups/{group}/etests/{etest}/publish", true, publish_etest, Access::StaffOfGroup},
        {"GET", "/api/v1/groups/{group}/etests/{etest}/results", true, etest_results, Access::StaffOfGroup},
    },
    apply,
    save,
    load,
    make_demo,
    card,
};

}  // namespace skolnav
