// Font Awesome 4.7 icons used by the client (UTF-8 of their Private Use Area codepoints).
// fonts.cpp bakes exactly these into the atlas, so adding one here is all it takes.
#pragma once

namespace app::icons {

#define SKOLNAV_ICONS(X)                                                   \
    X(kLogo, 0xF19D, "\xef\x86\x9d")            /* graduation-cap */       \
    X(kBack, 0xF060, "\xef\x81\xa0")            /* arrow-left */           \
    X(kSignOut, 0xF08B, "\xef\x82\x8b")         /* sign-out */             \
    X(kUser, 0xF007, "\xef\x80\x87")            /* user */                 \
    X(kSettings, 0xF013, "\xef\x80\x93")        /* cog */                  \
    X(kAllChildren, 0xF0C0, "\xef\x83\x80")     /* users */                \
    X(kError, 0xF06A, "\xef\x81\xaa")           /* exclamation-circle */   \
    X(kSuccess, 0xF058, "\xef\x81\x98")         /* check-circle */         \
    X(kInfo, 0xF05A, "\xef\x81\x9a")            /* info-circle */          \
    X(kTrash, 0xF1F8, "\xef\x87\xb8")           /* trash */                \
    X(kLock, 0xF023, "\xef\x80\xa3")            /* lock */                 \
    X(kNoInsyn, 0xF070, "\xef\x81\xb0")         /* eye-slash */            \
    X(kChevronRight, 0xF054, "\xef\x81\x94")    /* chevron-right */        \
    X(kChevronLeft, 0xF053, "\xef\x81\x93")     /* chevron-left */         \
    X(kFranvaro, 0xF273, "\xef\x89\xb3")        /* calendar-times-o */     \
    X(kInformation, 0xF0A1, "\xef\x82\xa1")     /* bullhorn */             \
    X(kKalender, 0xF073, "\xef\x81\xb3")        /* calendar */             \
    X(kKontaktlista, 0xF2B9, "\xef\x8a\xb9")    /* address-book */         \
    X(kDokumentation, 0xF07C, "\xef\x81\xbc")   /* folder-open */          \
    X(kBlogg, 0xF044, "\xef\x81\x84")           /* pencil-square-o */      \
    X(kTidsregistrering, 0xF017, "\xef\x80\x97") /* clock-o */             \
    X(kUtvecklingssamtal, 0xF086, "\xef\x82\x86") /* comments */           \
    X(kBedomningar, 0xF080, "\xef\x82\x80")     /* bar-chart */            \
    X(kETest, 0xF109, "\xef\x84\x89")           /* laptop */               \
    X(kFritidsschema, 0xF1E3, "\xef\x87\xa3")   /* futbol-o */             \
    X(kPlaneringar, 0xF02D, "\xef\x80\xad")     /* book */                 \
    X(kSchema, 0xF0CE, "\xef\x83\x8e")          /* table */                \
    X(kUppgifter, 0xF0AE, "\xef\x82\xae")       /* tasks */                \
    X(kChevronDown, 0xF078, "\xef\x81\xb8")    /* chevron-down */         \
    X(kDownload, 0xF019, "\xef\x80\x99")       /* download */             \
    X(kExternalLink, 0xF08E, "\xef\x82\x8e")   /* external-link */        \
    X(kCalPlanningDay, 0xF0EA, "\xef\x83\xaa")  /* clipboard: Planeringsdag */ \
    X(kCalActivity, 0xF005, "\xef\x80\x85")     /* star: Aktivitet */      \
    X(kCalHoliday, 0xF185, "\xef\x86\x85")      /* sun-o: Lovdag */        \
    X(kCalHomework, 0xF040, "\xef\x81\x80")     /* pencil: Läxa */         \
    X(kCalStudyDay, 0xF0EB, "\xef\x83\xab")     /* lightbulb-o: Studiedag */ \
    X(kCalTermDates, 0xF11E, "\xef\x84\x9e")    /* flag-checkered: Terminsdatum */ \
    X(kCalNationalTest, 0xF046, "\xef\x81\x86") /* check-square-o: Nationellt prov */ \
    X(kEnvelope, 0xF0E0, "\xef\x83\xa0")       /* envelope */ \
    X(kPhone, 0xF095, "\xef\x82\x95")          /* phone */ \
    X(kHome, 0xF015, "\xef\x80\x95")           /* home: a postal address */ \
    X(kPicture, 0xF03E, "\xef\x80\xbe")         /* picture-o: a picture that could not be shown */ \
    X(kPaperclip, 0xF0C6, "\xef\x83\x86")       /* paperclip: an attached file */ \
    X(kUpload, 0xF093, "\xef\x82\x93")          /* upload: hand in */ \
    X(kComment, 0xF0E5, "\xef\x83\xa5")         /* comment-o: a thread's messages */ \
    X(kClock, 0xF017, "\xef\x80\x97")           /* clock-o: a due time */ \
    X(kWarning, 0xF071, "\xef\x81\xb1")         /* exclamation-triangle: overdue */ \
    X(kBell, 0xF0F3, "\xef\x83\xb3")            /* bell: notifications */ \
    X(kBox, 0xF009, "\xef\x80\x89")             /* th-large */

#define SKOLNAV_ICON_STRING(name, codepoint, utf8) inline constexpr const char* name = utf8;
SKOLNAV_ICONS(SKOLNAV_ICON_STRING)
#undef SKOLNAV_ICON_STRING

}  // namespace app::icons
