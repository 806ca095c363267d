// The browser's file dialog: an <input type=file> opened from a click, the chosen
// file's name, type, size and bytes read into the wasm heap and handed to a callback.
#pragma once
#include <functional>
#include <string>

namespace platform {

struct PickedFile {
    std::string name;       // as on the pupil's device ("Bokrecension.pdf")
    std::string type;       // the browser's MIME type, guessed from the name ("" when unknown)
    long long size = 0;     // bytes, as the browser reports it (also when not read)
    std::string bytes;      // the content, when read
    enum class Read { Ok, TooLarge, Failed } read = Read::Ok;
};

using FilePicked = std::function<void(PickedFile)>;

// Opens the file dialog. Call it while handling a click: browsers open file dialogs
// only right after a user gesture. `done` gets the chosen file once its bytes are read
// (files over `max_read_bytes` are not read: Read::TooLarge); it is not called when the
// dialog is cancelled. A newer pick replaces an unanswered one.
void pick_file(long long max_read_bytes, FilePicked done);

}  // namespace platform
