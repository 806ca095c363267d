// Replies the unit tests' API calls produced, kept for the OpenAPI check
// (tests/openapi/validate_replies.mjs): when SKOLNAV_REPLY_SAMPLES names a file, every
// reply of ApiFixture is grouped by its route and status, a few of each kept, and
// written there as JSON lines when the test program ends.
#pragma once
#include <string>

#include "core/api.hpp"

namespace skolnav::test {

void keep_reply_sample(const Request& request, const Response& response);

}  // namespace skolnav::test
