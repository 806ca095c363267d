#include "boxes/placeholder_box.hpp"

#include "app/i18n.hpp"
#include "app/ui.hpp"

namespace boxes {

void PlaceholderBox::draw_full_view(BoxContext&, const app::Pupil&) {
    app::ui::Note(app::tr("Den här delen av Skolnav är inte klar ännu. Den kommer i en senare version."),
                  app::ui::Tone::Info);
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Den här delen av Skolnav är inte klar ännu. Den kommer i en senare version.",
     "This part of Skolnav is not ready yet. It will come in a later version."},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
