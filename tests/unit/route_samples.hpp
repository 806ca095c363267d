// What the route-table tests share: the demo personas, the valid body of each write
// route addressed by its owner alone (pupil, group or school), and small helpers for
// patterns like /api/v1/pupils/{pupil}/absence.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/routes.hpp"

namespace skolnav::test {

// The demo's sign-ins, one per role and situation.
extern const std::vector<const char*> kPersonas;

// 401, or 403/404 with a denial's code: the answer a person without the right gets.
bool is_denial(const Response& r);

// "/api/v1/pupils/{pupil}/news/{item}" -> {"pupil", "item"}
std::vector<std::string> params_of(const std::string& pattern);
// Puts values in for {name} (in a pattern or a body).
std::string fill(std::string pattern, const std::map<std::string, std::string>& values);

// A write route whose parameters are only {pupil}, {group}, {school} (and {date}).
bool addressed_by_owner_alone(const Route& route);
// Its valid body ("{group}" in it stands for the 7A class); none when the table lacks
// the route, which the tests treat as a failure.
std::optional<std::string> valid_body(const Route& route);

// Someone a route's Access lets in, and the object to use: `target` names a demo
// object ("Elsa": demo.vh's child in grundskola 7A, "Olle": the förskola child,
// "7A": Elsa's class, "sch-2": Ekbyskolan); each test resolves the name.
struct AllowedCaller {
    const char* who;     // demo username
    const char* param;   // "pupil", "group" or "school"
    const char* target;  // "Elsa", "Olle", "7A" or a school id
};
AllowedCaller allowed_caller(Access access);

// --- ids in bodies -----------------------------------------------------------------
// Every field a POST/PUT body takes is declared here: either it holds ids (of which
// kind, one or a list) and the matrix walks it like a path id, or it is plain data.
// The matrix records the fields each route's body knows (RequestBody reports them) and
// fails on one declared in neither list, so a new id field cannot go unchecked.
enum class IdKind { Attachment, Group, Pupil, Staff, Lesson, Notification };
struct BodyIdField {
    IdKind kind;
    bool list;
};
// By field name: the same name holds the same kind of id in every body.
const std::map<std::string, BodyIdField>& body_id_fields();
// Fields that hold no ids: text, numbers, dates, flags, and names from fixed sets
// (boxes, documentation kinds, the levels of an assessment).
bool is_plain_body_field(const std::string& field);
// POST/PUT routes the matrix does not reach with a valid body of its own, each with why
// its body cannot hold an id (a new write route must be sampled or listed here).
const std::map<std::string, std::string>& writes_without_body_ids();

}  // namespace skolnav::test
