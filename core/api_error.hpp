// How handlers fail: throw ApiError; handle() turns it into the error reply
// {"error":{"code","message","field"}} with its HTTP status. Messages are Swedish
// plain words for the user; `field` names the request field at fault.
#pragma once
#include <stdexcept>
#include <string>

namespace skolnav {

struct ApiError : std::runtime_error {
    int status;
    std::string code, field;
    ApiError(int status_, std::string code_, const std::string& message, std::string field_ = "")
        : std::runtime_error(message), status(status_), code(std::move(code_)), field(std::move(field_)) {}
};

inline ApiError bad_request(const std::string& field, const std::string& message) {
    return ApiError(400, "bad_request", message, field);
}
// Also for things that exist but are not the caller's: the answer must not reveal them.
inline ApiError not_found() { return ApiError(404, "not_found", "Hittades inte."); }

}  // namespace skolnav
