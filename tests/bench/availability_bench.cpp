// Issue 10's attack for longer than ctest's api_load, against one or more server builds
// side by side (e.g. main's before and this one): slow and idle connections held open
// (opened again when the server ends them), a burst of concurrent wrong-password
// sign-ins, and GET /api/v1/me's latency alone and under attack (load_scenario.hpp).
// Figures, not pass/fail.
//
//   build/tests/bench/availability_bench [--seconds 30] [--slow 500] [--idle 500]
//       [--sign-ins 1000] [SERVER_EXECUTABLE ...]   (default: this build's server)
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "../api/api_client.hpp"
#include "../api/load_scenario.hpp"
#include "../api/server_process.hpp"

using namespace skolnav::test;

int main(int argc, char** argv) {
    LoadPlan plan;
    plan.hold_seconds = 30;
    std::vector<std::string> servers;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto number = [&] { return i + 1 < argc ? std::atoi(argv[++i]) : 0; };
        if (a == "--seconds") plan.hold_seconds = number();
        else if (a == "--slow") plan.slow = number();
        else if (a == "--idle") plan.idle = number();
        else if (a == "--sign-ins") plan.sign_ins = number();
        else servers.push_back(a);
    }
    if (servers.empty()) servers.push_back(server_executable().string());
    const std::size_t files = allow_open_files(static_cast<std::size_t>(plan.slow + plan.idle + plan.sign_ins) + 500);
    std::printf("availability_bench: %d slow + %d idle connections, %d sign-ins, %d s under attack (open files: %zu)\n",
                plan.slow, plan.idle, plan.sign_ins, plan.hold_seconds, files);
    for (const std::string& exe : servers) {
        ::setenv("SKOLNAV_SERVER", exe.c_str(), 1);
        TempDir data;
        ServerProcess server(data.path());
        if (!server.started()) {
            std::printf("%s: did not start\n", exe.c_str());
            continue;
        }
        ApiClient client(server.host(), server.port());
        if (client.sign_in("demo.vh").status != 200) {
            std::printf("%s: cannot sign in\n", exe.c_str());
            continue;
        }
        std::printf("\n%s\n", exe.c_str());
        run_load(server.port(), client.session_token(), plan).print("bench");
    }
    return 0;
}
