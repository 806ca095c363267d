// Group commit, measured: how many acknowledged (fsynced) journal records per second
// one writer gets against many concurrent writers sharing flushes. Side by side in one
// run, on the same disk, so the ratio means something on a noisy machine.
//
//   build/tests/bench/journal_bench [records-per-run]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <vector>

#include "server/file_journal.hpp"

using namespace skolnav;

namespace {
struct Run {
    int writers;
    double seconds;
    std::uint64_t flushes;
};

Run run(const std::filesystem::path& dir, int writers, int records) {
    std::filesystem::remove(dir / "journal.log");
    FileJournal::Opened opened;
    FileJournal journal(dir / "journal.log", 0, opened);
    const std::string payload = R"({"type":"absence_reported","report":{"id":"abs-1","pupil_id":"per-17","date":"2026-12-01","comment":"Feber, stannar hemma","reported_by":"per-3","reported_at":1796036400}})";
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w)
        threads.emplace_back([&, w] {
            for (int i = w; i < records; i += writers) journal.make_durable(journal.append(payload));
        });
    for (auto& t : threads) t.join();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return {writers, s, journal.flushes()};
}
}  // namespace

int main(int argc, char** argv) {
    const int records = argc > 1 ? std::atoi(argv[1]) : 2000;
    const auto dir = std::filesystem::temp_directory_path() / ("skolnav-journal-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::printf("journal group commit: %d durable records per run, in %s\n", records, dir.c_str());
    std::printf("%8s %12s %14s %10s %16s\n", "writers", "seconds", "records/s", "fsyncs", "records/fsync");
    double base = 0;
    for (int writers : {1, 4, 16, 64}) {
        const Run r = run(dir, writers, records);
        const double rate = records / r.seconds;
        if (writers == 1) base = rate;
        std::printf("%8d %12.3f %14.0f %10llu %16.1f   (x%.1f of one writer)\n", r.writers, r.seconds, rate,
                    static_cast<unsigned long long>(r.flushes), double(records) / double(r.flushes), rate / base);
    }
    std::filesystem::remove_all(dir);
}
