#include "app/selectable_text.hpp"
#include "boxes/dokumentation.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <set>

#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/swedish_dates.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // IM_PI
#include "platform/browser.hpp"
#include "platform/frame_scheduler.hpp"
#include "platform/images.hpp"

namespace boxes {
namespace {

using app::Json;
using app::N_;
using app::tr;
using app::trf;
namespace ui = app::ui;
namespace theme = app::theme;
using app::fonts::Face;

// The sections this client knows, in the server's wire names: their names in the UI and
// a line saying what each holds. Sections it does not know keep the server's name.
struct SectionText {
    const char* kind;
    const char* label;
    const char* about;
};
const SectionText kSections[] = {
    {"portfolio", N_("Portfolio"), N_("Bilder och arbeten som personalen har sparat.")},
    {"iup", N_("IUP"), N_("Den individuella utvecklingsplanen: mål och hur skolan stöttar.")},
    {"atgardsprogram", N_("Åtgärdsprogram"), N_("Stödet skolan ger och hur det följs upp.")},
    {"anteckningar", N_("Anteckningar"), N_("Anteckningar som personalen har skrivit.")},
};

const SectionText* section_text(const std::string& kind) {
    for (const SectionText& s : kSections)
        if (kind == s.kind) return &s;
    return nullptr;
}

std::string section_label(const DocSection& s) {
    if (const SectionText* t = section_text(s.kind)) return tr(t->label);
    return s.name.empty() ? s.kind : s.name;
}

constexpr float kTileTarget = 160.0f;  // a thumbnail's side on a wide screen
constexpr float kTileGap = 10.0f;
constexpr float kRounding = 10.0f;

// Panels' ImGui ids (never shown).
constexpr const char* kEmptyPanelId = "empty";
constexpr const char* kEntryPanelId = "entry";
constexpr const char* kViewerPanelId = "viewer";

DocFile parse_file(const Json& f) {
    const Json& size = app::field(f, "size");
    return DocFile{app::text(f, "filename"), app::text(f, "url"), size.is_number_integer() ? size.get<long long>() : 0};
}

DocEntry parse_entry(const Json& j) {
    DocEntry e;
    e.id = app::text(j, "id");
    e.title = app::text(j, "title");
    e.body = app::text(j, "body");
    e.date = app::text(j, "date");
    e.author = app::text(app::field(j, "created_by"), "name");
    e.changed_at = app::text(j, "changed_at");  // null when never changed: empty
    const Json& files = app::field(j, "attachments");
    if (files.is_array())
        for (const Json& f : files) {
            DocFile file = parse_file(f);
            if (file.url.empty()) continue;
            // "inline": a picture type the browser shows itself (PNG, JPEG, GIF, WebP).
            const bool picture = app::flag(f, "inline", app::text(f, "content_type").rfind("image/", 0) == 0);
            (picture ? e.pictures : e.files).push_back(std::move(file));
        }
    return e;
}

std::vector<DocSection> parse_sections(const Json& body) {
    std::vector<DocSection> out;
    const Json& kinds = app::field(body, "kinds");
    if (!kinds.is_array()) return out;
    for (const Json& k : kinds) {
        DocSection s{app::text(k, "kind"), app::text(k, "name"), {}};
        const Json& items = app::field(k, "items");
        if (items.is_array())
            for (const Json& j : items) s.entries.push_back(parse_entry(j));
        // The server sends newest first; keep it so even if that ever changes.
        std::stable_sort(s.entries.begin(), s.entries.end(),
                         [](const DocEntry& a, const DocEntry& b) { return a.date > b.date; });
        out.push_back(std::move(s));
    }
    return out;
}

std::string list_path(const std::string& pupil_id) {
    return "/api/v1/pupils/" + app::url_segment(pupil_id) + "/documentation";
}

// "fredag 20 november 2026": documentation is kept for years, so the year is shown.
std::string entry_date(const std::string& iso) {
    std::string out = app::dates::long_day(iso);
    if (iso.size() >= 10 && out != iso) out += " " + iso.substr(0, 4);
    return out;
}

// --- Drawing pictures -----------------------------------------------------------------

ImTextureID texture_id(const platform::Image& im) {
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(im.texture));
}

// The part of the picture that fills `box` without stretching (the middle is kept).
void cover_uv(const platform::Image& im, ImVec2 box, ImVec2& uv0, ImVec2& uv1) {
    const float picture = static_cast<float>(im.width) / static_cast<float>(std::max(1, im.height));
    const float frame = box.x / std::max(1.0f, box.y);
    if (picture > frame) {
        const float w = frame / picture;
        uv0 = ImVec2((1 - w) * 0.5f, 0);
        uv1 = ImVec2((1 + w) * 0.5f, 1);
    } else {
        const float h = picture / frame;
        uv0 = ImVec2(0, (1 - h) * 0.5f);
        uv1 = ImVec2(1, (1 + h) * 0.5f);
    }
}

// The size the whole picture gets inside `max` (a small one grows at most to twice its size).
ImVec2 contain_size(const platform::Image& im, ImVec2 max) {
    const float scale = std::min({max.x / std::max(1, im.width), max.y / std::max(1, im.height), 2.0f});
    return ImVec2(std::floor(im.width * scale), std::floor(im.height * scale));
}

void spinner(ImDrawList* dl, ImVec2 centre, float radius) {
    platform::keep_animating();  // it turns: frames keep coming until the picture is here
    const float start = static_cast<float>(ImGui::GetTime()) * 5.0f;
    dl->PathArcTo(centre, radius, start, start + IM_PI * 1.4f, 24);
    dl->PathStroke(theme::colors().accent, 0, 2.2f);
}

// Small text drawn inside a rectangle (clipped to it), registered like every text.
float small_text_at(ImDrawList* dl, ImVec2 pos, float width, const std::string& text, ImU32 color) {
    ImFont* font = app::fonts::get(Face::Small);
    const float size = font->FontSize * ImGui::GetIO().FontGlobalScale;
    const ImVec2 ext = font->CalcTextSizeA(size, FLT_MAX, width, text.c_str());
    dl->AddText(font, size, pos, color, text.c_str(), nullptr, width);
    app::registry::add_text(text, pos, ImVec2(pos.x + ext.x, pos.y + ext.y));
    return ext.y;
}

// A picture in the rectangle [min, min + box]: cropped to fill it (thumbnails) or whole
// and centred; a turning arc while it loads; its name and a plain message if it failed.
void draw_picture(const DocFile& file, ImVec2 min, ImVec2 box, bool crop, bool hovered) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(min.x + box.x, min.y + box.y);
    const theme::Palette& c = theme::colors();
    const platform::Image& im = platform::image(file.url);
    if (im.state != platform::ImageState::Ready || crop) dl->AddRectFilled(min, max, c.surface_alt, kRounding);
    switch (im.state) {
        case platform::ImageState::Ready: {
            ImVec2 uv0(0, 0), uv1(1, 1);
            if (crop) cover_uv(im, box, uv0, uv1);
            // White: the picture's own colours, untinted.
            dl->AddImageRounded(texture_id(im), min, max, uv0, uv1, ImGui::ColorConvertFloat4ToU32(ImVec4(1, 1, 1, 1)),
                                kRounding);
            break;
        }
        case platform::ImageState::Loading:
            spinner(dl, ImVec2(min.x + box.x * 0.5f, min.y + box.y * 0.5f), std::min(14.0f, box.x * 0.2f));
            break;
        case platform::ImageState::Failed: {
            const float pad = 10.0f;
            dl->PushClipRect(min, max, true);
            float y = min.y + pad;
            dl->AddText(ImVec2(min.x + pad, y), c.muted_text, app::icons::kPicture);
            y += ImGui::GetFontSize() + 6;
            y += small_text_at(dl, ImVec2(min.x + pad, y), box.x - pad * 2, tr("Bilden kunde inte visas."), c.error_text);
            small_text_at(dl, ImVec2(min.x + pad, y + 2), box.x - pad * 2, file.filename, c.muted_text);
            dl->PopClipRect();
            break;
        }
    }
    dl->AddRect(min, max, hovered ? c.border_hover : c.border, kRounding, 0, hovered ? 2.0f : 1.0f);
}

// A thumbnail: a square button named by the file (role "image"). Pictures scrolled out of
// sight are not fetched. Returns true when tapped.
bool picture_tile(const DocFile& file, float side) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    app::registry::hint_next("image");
    const bool clicked = ImGui::InvisibleButton((file.filename + "##picture").c_str(), ImVec2(side, side));
    if (ImGui::IsItemVisible()) draw_picture(file, pos, ImVec2(side, side), true, ImGui::IsItemHovered());
    if (clicked) platform::request_frames();
    return clicked;
}

void section_heading(const std::string& text) {
    ui::Space(6);
    ui::Text(text, 0, Face::Strong);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
}

}  // namespace

// --- Data -----------------------------------------------------------------------------

DokumentationBox::~DokumentationBox() { release_pictures(); }

void DokumentationBox::release_pictures() {
    for (const DocSection& s : sections_)
        for (const DocEntry& e : s.entries)
            for (const DocFile& f : e.pictures) platform::release_image(f.url);
}

void DokumentationBox::load(BoxContext& ctx) {
    fetch_.start();
    ctx.api.get(list_path(pupil_id_), [this](const app::ApiReply& reply) {
        if (!fetch_.succeeded(reply)) return;
        std::vector<DocSection> fresh = parse_sections(reply.body);
        // Pictures no longer there give back their textures; the others stay drawn.
        std::set<std::string> still_there;
        for (const DocSection& s : fresh)
            for (const DocEntry& e : s.entries)
                for (const DocFile& f : e.pictures) still_there.insert(f.url);
        for (const DocSection& s : sections_)
            for (const DocEntry& e : s.entries)
                for (const DocFile& f : e.pictures)
                    if (!still_there.count(f.url)) platform::release_image(f.url);
        sections_ = std::move(fresh);
        if (!std::any_of(sections_.begin(), sections_.end(), [&](const DocSection& s) { return s.kind == selected_kind_; }))
            selected_kind_ = sections_.empty() ? "" : sections_.front().kind;
        fetch_.done();
        find_linked(true);
    });
}

bool DokumentationBox::show_item(BoxContext&, const std::string& item_id) {
    if (item_id == linked_) return true;
    linked_ = item_id;
    linked_missing_ = false;
    linked_scroll_ = 0;
    if (!viewer_entry_.empty()) close_picture();
    // The list tells; fetched afresh when it does not have the entry (it may be new).
    if (fetch_.load == Load::Ready && !find_linked(false)) fetch_.refresh();
    return true;
}

bool DokumentationBox::find_linked(bool fresh) {
    if (linked_.empty()) return true;
    for (const DocSection& s : sections_)
        for (const DocEntry& e : s.entries)
            if (e.id == linked_) {
                selected_kind_ = s.kind;
                linked_scroll_ = 4;
                platform::request_frames();
                return true;
            }
    if (fresh) linked_missing_ = true;
    return false;
}

void DokumentationBox::on_open(BoxContext&) {
    // Every visit starts at the entries, fetched afresh; what is known stays on screen meanwhile.
    viewer_entry_.clear();
    scroll_.cancel();
    fetch_.refresh();
}

const DocSection* DokumentationBox::selected_section() const {
    for (const DocSection& s : sections_)
        if (s.kind == selected_kind_) return &s;
    return sections_.empty() ? nullptr : &sections_.front();
}

std::vector<DokumentationBox::PictureRef> DokumentationBox::section_pictures(const DocSection& section) const {
    std::vector<PictureRef> out;
    for (const DocEntry& e : section.entries)
        for (size_t i = 0; i < e.pictures.size(); ++i) out.push_back({&e, i});
    return out;
}

void DokumentationBox::open_picture(const std::string& entry_id, size_t index) {
    scroll_.open_item();
    viewer_entry_ = entry_id;
    viewer_index_ = index;
    platform::request_frames();
}

void DokumentationBox::close_picture() {
    viewer_entry_.clear();
    scroll_.back_to_list();
    platform::request_frames();
}

// --- Drawing --------------------------------------------------------------------------

void DokumentationBox::draw_tabs() {
    // One tab per section, wrapping to a new row where the next does not fit (phones).
    const float right = ImGui::GetContentRegionMax().x;
    for (size_t i = 0; i < sections_.size(); ++i) {
        const DocSection& s = sections_[i];
        const std::string label =
            section_label(s) + " (" + std::to_string(s.entries.size()) + ")##section_" + s.kind;
        if (i > 0) {
            ImGui::SameLine(0, 8);
            ImGui::PushFont(app::fonts::get(Face::Strong));  // the tabs' font, for measuring
            const float width = ui::ButtonWidth(label.c_str());
            ImGui::PopFont();
            if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
        }
        const bool selected = s.kind == selected_kind_;
        if (ui::Tab(label.c_str(), selected) && !selected) {
            selected_kind_ = s.kind;
            platform::request_frames();
        }
    }
}

void DokumentationBox::draw_section(const DocSection& section, const app::Pupil&) {
    ui::Space(4);
    if (const SectionText* t = section_text(section.kind)) ui::Text(tr(t->about), theme::colors().muted_text);
    if (section.entries.empty()) {
        ui::Space(4);
        ui::BeginPanel(kEmptyPanelId);
        ui::MutedText(tr("Här finns inget ännu."));
        ui::EndPanel();
        return;
    }
    const bool has_pictures = std::any_of(section.entries.begin(), section.entries.end(),
                                          [](const DocEntry& e) { return !e.pictures.empty(); });
    if (has_pictures) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        ui::Text(tr("Tryck på en bild för att se den större."), theme::colors().muted_text, Face::Small);
    }
    ui::Space(6);
    for (const DocEntry& e : section.entries) {
        ImGui::PushID(e.id.c_str());
        const float top = ImGui::GetCursorScreenPos().y;
        draw_entry(e);
        if (e.id == linked_) {  // the entry a link named
            ui::LinkedFrame(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            if (linked_scroll_ > 0 && fetch_.load == Load::Ready) {
                --linked_scroll_;
                ui::ScrollPageTo(top);
                platform::request_frames();
            }
        }
        ImGui::PopID();
        ui::Space(6);
    }
}

void DokumentationBox::draw_entry(const DocEntry& entry) {
    ui::BeginPanel(kEntryPanelId);
    ui::Heading(entry.title);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    std::string meta = entry_date(entry.date);
    if (!entry.author.empty()) meta += " · " + entry.author;
    ui::Text(meta, theme::colors().muted_text);
    if (!entry.changed_at.empty()) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
        ui::Text(app::dates::changed(entry.changed_at), theme::colors().muted_text, Face::Small);
    }
    if (!entry.body.empty()) {
        ui::Space(2);
        ui::SelectableText(entry.body);
    }
    if (!entry.pictures.empty()) {
        ui::Space(6);
        draw_picture_grid(entry);
    }
    if (!entry.files.empty()) {
        section_heading(entry.files.size() == 1 ? tr("Bifogad fil") : tr("Bifogade filer"));
        for (size_t i = 0; i < entry.files.size(); ++i) {
            const DocFile& file = entry.files[i];
            ImGui::PushID(static_cast<int>(i));
            const std::string open_label = std::string(app::icons::kDownload) + "  " + tr("Öppna") + "##file";
            if (ui::LinkRow(file.filename.empty() ? trf("Fil %d", static_cast<int>(i + 1)) : file.filename,
                            ui::FileSize(file.size), open_label, file.url))
                platform::open_url(file.url);
            ImGui::PopID();
        }
    }
    ui::EndPanel();
}

void DokumentationBox::draw_picture_grid(const DocEntry& entry) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const int columns = std::max(2, static_cast<int>((avail + kTileGap) / (kTileTarget + kTileGap)));
    const float side = std::floor((avail - kTileGap * (columns - 1)) / columns);
    size_t to_open = entry.pictures.size();
    for (size_t i = 0; i < entry.pictures.size(); ++i) {
        if (i % columns != 0) ImGui::SameLine(0, kTileGap);
        ImGui::PushID(static_cast<int>(i));
        if (picture_tile(entry.pictures[i], side)) to_open = i;
        ImGui::PopID();
    }
    if (to_open < entry.pictures.size()) open_picture(entry.id, to_open);
}

void DokumentationBox::draw_viewer(const DocSection& section) {
    const std::vector<PictureRef> pictures = section_pictures(section);
    size_t index = pictures.size();
    for (size_t i = 0; i < pictures.size(); ++i)
        if (pictures[i].entry->id == viewer_entry_ && pictures[i].index == viewer_index_) index = i;
    if (index == pictures.size()) {  // gone since (the list was fetched anew)
        close_picture();
        return;
    }
    const DocEntry& entry = *pictures[index].entry;
    const DocFile& file = pictures[index].file();

    if (ui::BackButton(trf("Tillbaka till %s", section_label(section).c_str()) + "##back")) {
        close_picture();
        return;
    }
    ui::Space(4);

    ui::BeginPanel(kViewerPanelId);
    // The picture as large as fits: the whole width, and most of the window's height
    // so its caption stays in view.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float max_h = std::max(220.0f, ImGui::GetMainViewport()->Size.y * 0.6f);
    const platform::Image& im = platform::image(file.url);
    if (im.state == platform::ImageState::Failed) {
        // No empty frame: the message in its place, and another try.
        if (ui::ErrorAndRetry(trf("Bilden kunde inte visas: %s", file.filename.c_str()))) platform::retry_image(file.url);
    } else {
        const ImVec2 size = im.state == platform::ImageState::Ready
                                ? contain_size(im, ImVec2(avail, max_h))
                                : ImVec2(avail, std::floor(std::min(max_h, avail * 0.75f)));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::floor((avail - size.x) * 0.5f));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        app::registry::hint_next("image");
        ImGui::InvisibleButton((file.filename + "##large").c_str(), size);
        draw_picture(file, pos, size, false, false);
    }

    // The caption: which entry the picture belongs to, the file, when and by whom.
    ui::Space(6);
    ui::Text(entry.title, 0, Face::Strong);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    ui::Text(file.filename + " · " + ui::FileSize(file.size), theme::colors().muted_text, Face::Small);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    std::string meta = entry_date(entry.date);
    if (!entry.author.empty()) meta += " · " + entry.author;
    ui::Text(meta, theme::colors().muted_text, Face::Small);
    ui::Space(8);

    // Stepping through the section's pictures, and the file itself.
    int step = 0;
    if (pictures.size() > 1) {
        // On a phone the arrows alone (named for tests and screen readers by their ids).
        const bool narrow = avail < 420.0f;
        const std::string prev = std::string(app::icons::kChevronLeft) +
                                 (narrow ? std::string("##") + tr("Föregående") : std::string("  ") + tr("Föregående"));
        const std::string next = narrow ? std::string(app::icons::kChevronRight) + "##" + tr("Nästa")
                                        : std::string(tr("Nästa")) + "  " + app::icons::kChevronRight + "##next";
        if (ui::SecondaryButton(prev.c_str(), index > 0)) step = -1;
        ImGui::SameLine(0, 12);
        ui::Text(trf("Bild %d av %d", static_cast<int>(index + 1), static_cast<int>(pictures.size())),
                 theme::colors().muted_text);
        ImGui::SameLine(0, 12);
        if (ui::SecondaryButton(next.c_str(), index + 1 < pictures.size())) step = 1;
    }
    const std::string open_label = std::string(app::icons::kDownload) + "  " + tr("Öppna") + "##open";
    const float open_w = ui::ButtonWidth(open_label.c_str());
    if (pictures.size() > 1) {
        ImGui::SameLine();
        const float x = ImGui::GetContentRegionMax().x - open_w;
        if (ImGui::GetCursorPosX() + 12 > x) ImGui::NewLine();
        else ImGui::SameLine(x);
    }
    if (ui::SecondaryButton(open_label.c_str())) platform::open_url(file.url);
    ui::EndPanel();

    // Keys, as in any picture viewer: arrows step, Escape goes back.
    if (!ImGui::GetIO().WantTextInput) {
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false) && index > 0) step = -1;
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow, false) && index + 1 < pictures.size()) step = 1;
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
            close_picture();
            return;
        }
    }
    // The next picture is fetched meanwhile, so stepping to it shows it at once.
    if (index + 1 < pictures.size()) platform::image(pictures[index + 1].file().url);
    if (step != 0) {
        viewer_entry_ = pictures[index + step].entry->id;
        viewer_index_ = pictures[index + step].index;
        platform::request_frames();
    }
}

void DokumentationBox::draw_full_view(BoxContext& ctx, const app::Pupil& pupil) {
    if (fetch_.load == Load::NotStarted) load(ctx);
    scroll_.apply();
    if (!fetch_.loaded_once) {
        if (ui::LoadingOrError(fetch_.failed(), fetch_.error, tr("Hämtar dokumentationen …"))) load(ctx);
        return;
    }
    if (fetch_.failed()) {
        if (ui::ErrorAndRetry(fetch_.error)) load(ctx);
        ui::Space(8);
    }
    const DocSection* section = selected_section();
    if (!section) {
        ui::MutedText(tr("Skolan har ingen dokumentation i Skolnav."));
        return;
    }
    if (!viewer_entry_.empty()) {
        draw_viewer(*section);
        return;
    }
    draw_tabs();
    draw_section(*section, pupil);
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Portfolio", "Portfolio"},
    {"IUP", "IDP"},
    {"Åtgärdsprogram", "Action programme"},
    {"Anteckningar", "Notes"},
    {"Bilder och arbeten som personalen har sparat.", "Pictures and work the staff have saved."},
    {"Den individuella utvecklingsplanen: mål och hur skolan stöttar.",
     "The individual development plan: goals, and how the school supports them."},
    {"Stödet skolan ger och hur det följs upp.", "The support the school gives, and how it is followed up."},
    {"Anteckningar som personalen har skrivit.", "Notes the staff have written."},
    {"Bilden kunde inte visas.", "The picture could not be shown."},
    {"Bilden kunde inte visas: %s", "The picture could not be shown: %s"},
    {"Här finns inget ännu.", "Nothing here yet."},
    {"Tryck på en bild för att se den större.", "Tap a picture to see it larger."},
    {"Bifogad fil", "Attached file"},
    {"Bifogade filer", "Attached files"},
    {"Öppna", "Open"},
    {"Fil %d", "File %d"},
    {"Tillbaka till %s", "Back to %s"},
    {"Föregående", "Previous"},
    {"Nästa", "Next"},
    {"Bild %d av %d", "Picture %d of %d"},
    {"Hämtar dokumentationen …", "Loading the documentation …"},
    {"Skolan har ingen dokumentation i Skolnav.", "The school keeps no documentation in Skolnav."},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
