#include "platform/file_picker.hpp"

#include <cstdlib>
#include <emscripten.h>

#include "platform/frame_scheduler.hpp"

namespace platform {
namespace {

FilePicked g_done;
int g_request = 0;  // the pick whose answer is awaited

// One hidden input, reused; a click on it (inside the gesture) opens the dialog.
EM_JS(void, js_pick_file, (int request, double max_read_bytes), {
    var input = document.getElementById("skolnav-file-picker");
    if (!input) {
        input = document.createElement("input");
        input.type = "file";
        input.id = "skolnav-file-picker";
        input.style.display = "none";
        input.setAttribute("aria-hidden", "true");
        input.tabIndex = -1;
        document.body.appendChild(input);
    }
    input.value = "";  // so that choosing the same file again is a change too
    input.onchange = function() {
        var file = input.files && input.files[0];
        if (!file) return;
        var toHeap = function(s) {
            var n = lengthBytesUTF8(s) + 1;
            var p = _malloc(n);
            stringToUTF8(s, p, n);
            return p;
        };
        // read: 0 read, 1 too large to read, 2 reading failed
        var report = function(buffer, read) {
            var ptr = 0, len = 0;
            if (buffer) {
                len = buffer.byteLength;
                ptr = _malloc(len || 1);
                HEAPU8.set(new Uint8Array(buffer), ptr);  // after _malloc: the heap may have grown
            }
            _skolnav_file_picked(request, toHeap(file.name), toHeap(file.type || ""), file.size, ptr, len, read);
        };
        if (file.size > max_read_bytes) {
            report(null, 1);
            return;
        }
        file.arrayBuffer().then(function(buffer) { report(buffer, 0); }, function() { report(null, 2); });
    };
    input.click();
});

}  // namespace

void pick_file(long long max_read_bytes, FilePicked done) {
    g_done = std::move(done);
    js_pick_file(++g_request, static_cast<double>(max_read_bytes));
}

}  // namespace platform

// Called by js_pick_file once the chosen file is read; takes ownership of the buffers.
extern "C" EMSCRIPTEN_KEEPALIVE void skolnav_file_picked(int request, char* name, char* type, double size,
                                                         char* data, int length, int read) {
    platform::PickedFile file;
    file.name = name;
    file.type = type;
    file.size = static_cast<long long>(size);
    if (data) file.bytes.assign(data, static_cast<size_t>(length));
    file.read = read == 0   ? platform::PickedFile::Read::Ok
                : read == 1 ? platform::PickedFile::Read::TooLarge
                            : platform::PickedFile::Read::Failed;
    std::free(name);
    std::free(type);
    std::free(data);
    if (request == platform::g_request && platform::g_done) {
        platform::FilePicked done = std::move(platform::g_done);
        platform::g_done = nullptr;
        done(std::move(file));
    }
    platform::request_frames();
}
