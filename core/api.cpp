#include "api.hpp"

#include "api_error.hpp"
#include "box_module.hpp"
#include "request_body.hpp"
#include "routes.hpp"
#include "sessions.hpp"

namespace skolnav {

namespace {
std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 1;
    while (start <= path.size()) {
        auto slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        parts.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

bool match(const std::string& pattern, const std::vector<std::string>& path, std::map<std::string, std::string>& params) {
    const auto want = split_path(pattern);
    if (want.size() != path.size()) return false;
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < want.size(); ++i) {
        const std::string& w = want[i];
        if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
            if (path[i].empty()) return false;
            found[w.substr(1, w.size() - 2)] = path[i];
        } else if (w != path[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}
}  // namespace

const std::vector<Route>& routes() {
    static const std::vector<Route> table = [] {
        std::vector<Route> all = {
            {"POST", "/api/v1/session", false, sign_in, Access::Anyone},
            {"DELETE", "/api/v1/session", false, sign_out, Access::Anyone},
            {"POST", "/api/v1/bankid/orders", false, start_bankid_order, Access::Anyone},
            {"GET", "/api/v1/bankid/orders/{order}", false, get_bankid_order, Access::Anyone},
            {"DELETE", "/api/v1/bankid/orders/{order}", false, cancel_bankid_order, Access::Anyone},
            {"GET", "/api/v1/sessions", true, list_sessions, Access::SignedIn},
            {"DELETE", "/api/v1/sessions", true, end_sessions, Access::SignedIn},
            {"DELETE", "/api/v1/sessions/{session}", true, end_session, Access::SignedIn},
            {"PUT", "/api/v1/me/password", true, change_password, Access::SignedIn},
            {"GET", "/api/v1/me", true, get_me, Access::SignedIn},
            {"GET", "/api/v1/start", true, get_combined_start_page, Access::SignedIn},
            {"GET", "/api/v1/pupils/{pupil}/start", true, get_start_page, Access::PupilData},
            {"PUT", "/api/v1/schools/{school}/boxes", true, set_school_boxes, Access::AdminOfSchool},
        };
        for (const BoxModule* m : box_modules()) all.insert(all.end(), m->routes.begin(), m->routes.end());
        return all;
    }();
    return table;
}

const Route* route_for(const std::string& method, const std::string& path) {
    const auto parts = split_path(path);
    std::map<std::string, std::string> params;
    for (const Route& route : routes())
        if (method == route.method && match(route.pattern, parts, params)) return &route;
    return nullptr;
}

Response error_response(const ApiError& error, Language language) {
    Response r;
    r.status = error.status;
    r.body = {{"error",
               {{"code", error.code},
                {"message", error.message.in(language)},
                {"field", error.field.empty() ? json(nullptr) : json(error.field)}}}};
    return r;
}

Response handle(const Request& request, Services& services) {
    try {
        const auto path = split_path(request.path);
        bool path_known = false;
        for (const Route& route : routes()) {
            std::map<std::string, std::string> params;
            if (!match(route.pattern, path, params)) continue;
            path_known = true;
            if (request.method != route.method) continue;

            Context ctx{request, services, std::move(params), nullptr, {}, 0};
            ctx.now = services.clock.now();
            const RequestDay request_day(ctx.now);  // the bounds for dates in the body
            if (route.needs_session) {
                auto txn = services.store.begin();
                ctx.me = authenticate(txn.state(), services, request.session_token, ctx.now, ctx.session_digest);
                if (!ctx.me) throw unauthenticated();
                note_session_use(txn, ctx.session_digest, ctx.now);
            }
            // ctx.me points into the state; people are never removed while serving,
            // and handlers that read more take their own transaction.
            return route.handler(ctx);
        }
        if (path_known)
            throw ApiError(405, "method_not_allowed",
                           {"Metoden " + request.method + " stöds inte här.",
                            "The method " + request.method + " is not supported here."});
        throw not_found();
    } catch (const ApiError& e) {
        return error_response(e, request.language);
    }
}

}  // namespace skolnav
