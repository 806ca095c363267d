// Dokumentation: what the school has documented about the pupil, in the sections the
// school uses (Portfolio, IUP, Åtgärdsprogram, Anteckningar; preschool and upper
// secondary: Portfolio and Anteckningar), one tab each. Every entry shows its title,
// date, author and text; its pictures are shown as pictures in a grid (tap one to see it
// large, with its caption, and step through the section's pictures), its other files
// are listed by name and size and open in a new tab.
#pragma once
#include <string>
#include <vector>

#include "app/fetch_state.hpp"
#include "app/ui.hpp"
#include "boxes/box.hpp"

namespace boxes {

struct DocFile {
    std::string filename, url;
    long long size = 0;  // bytes
};

struct DocEntry {
    std::string id, title, body, date, author, changed_at;
    std::vector<DocFile> pictures;  // shown as images
    std::vector<DocFile> files;     // everything else: listed, opened in a new tab
};

struct DocSection {
    std::string kind;  // "portfolio", "iup", "atgardsprogram", "anteckningar"
    std::string name;  // the server's name for it
    std::vector<DocEntry> entries;  // newest first
};

class DokumentationBox : public Box {
public:
    explicit DokumentationBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    ~DokumentationBox() override;
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;
    void on_open(BoxContext& ctx) override;
    // A document or portfolio entry (its id): its section's tab, the entry framed.
    bool show_item(BoxContext& ctx, const std::string& item_id) override;
    bool item_missing() const override { return linked_missing_; }

private:
    using Load = app::Load;

    // A picture of the open section: its entry and which of the entry's pictures (the
    // same file may be in two entries).
    struct PictureRef {
        const DocEntry* entry = nullptr;
        size_t index = 0;
        const DocFile& file() const { return entry->pictures[index]; }
    };

    void load(BoxContext& ctx);
    void release_pictures();
    const DocSection* selected_section() const;
    std::vector<PictureRef> section_pictures(const DocSection& section) const;
    void open_picture(const std::string& entry_id, size_t index);
    void close_picture();

    void draw_tabs();
    void draw_section(const DocSection& section, const app::Pupil& pupil);
    void draw_entry(const DocEntry& entry);
    void draw_picture_grid(const DocEntry& entry);
    void draw_viewer(const DocSection& section);

    std::string pupil_id_;
    app::Fetch fetch_;
    std::vector<DocSection> sections_;
    std::string selected_kind_;  // the open tab

    // The picture shown large: its entry and place there (no entry: the entries are shown).
    std::string viewer_entry_;
    size_t viewer_index_ = 0;
    app::ui::ListScroll scroll_;  // back to where the list was

    // The entry the address names: its tab chosen when the list has it; else, when the
    // list is `fresh`, it is not the pupil's.
    bool find_linked(bool fresh);
    std::string linked_;
    bool linked_missing_ = false;  // not in this pupil's documentation: "Hittades inte"
    int linked_scroll_ = 0;        // frames left to bring it into view
};

}  // namespace boxes
