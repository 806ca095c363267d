#include "boxes/blogg.hpp"

#include "app/ui.hpp"

namespace boxes {

void BloggBox::draw_full_view(BoxContext&, const app::Pupil&) {
    app::ui::Note("Den här delen av Skolnav är inte klar ännu. Den kommer i en senare version.", app::ui::Tone::Info);
}

}  // namespace boxes
