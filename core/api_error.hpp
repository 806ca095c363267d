// How handlers fail: throw ApiError; handle() turns it into the error reply
// {"error":{"code","message","field"}} with its HTTP status, the message in the request's
// language. Every error is written in both languages, plain words for the user:
//   throw bad_request("date", "Ange ett datum.", "Enter a date.");
//   throw ApiError(409, "conflict", {"Tiden är redan bokad.", "The time is already booked."}, "slot");
// `field` names the request field at fault.
#pragma once
#include <stdexcept>
#include <string>

#include "language.hpp"

namespace skolnav {

struct ApiError : std::runtime_error {
    int status;
    std::string code, field;
    Text message;
    // what() is the Swedish message (for logs).
    ApiError(int status_, std::string code_, Text message_, std::string field_ = "")
        : std::runtime_error(message_.sv),
          status(status_),
          code(std::move(code_)),
          field(std::move(field_)),
          message(std::move(message_)) {}
};

inline ApiError bad_request(std::string field, std::string swedish, std::string english) {
    return ApiError(400, "bad_request", Text(std::move(swedish), std::move(english)), std::move(field));
}
inline ApiError unauthenticated() {
    return ApiError(401, "unauthenticated", {"Du är inte inloggad.", "You are not signed in."});
}
// Also for things that exist but are not the caller's: the answer must not reveal them.
inline ApiError not_found() { return ApiError(404, "not_found", {"Hittades inte.", "Not found."}); }

}  // namespace skolnav
