/** The checks a schema cannot express (set integrity, dates, structure, content). */
import type { Rule } from "./types.js";
import { rule as sd101 } from "./sd101-ersattning-symmetrisk.js";
import { rule as sd102 } from "./sd102-ersattare-hogre-version.js";
import { rule as sd103 } from "./sd103-inga-cykler.js";
import { rule as sd104 } from "./sd104-stod-i-upphavt.js";
import { rule as sd105 } from "./sd105-stod-i-forfallet.js";
import { rule as sd106 } from "./sd106-kanda-parter.js";
import { rule as sd107 } from "./sd107-overenskommelse-parter.js";
import { rule as sd108 } from "./sd108-antaganden.js";
import { rule as sd109 } from "./sd109-kant-spar.js";
import { rule as sd110 } from "./sd110-kand-roll.js";
import { rule as sd111 } from "./sd111-kant-beslutsorgan.js";
import { rule as sd112 } from "./sd112-malbildens-ord.js";
import { rule as sd113 } from "./sd113-remissvar-part.js";
import { rule as sd120 } from "./sd120-giltighetstid.js";
import { rule as sd121 } from "./sd121-revision-inom-giltighet.js";
import { rule as sd122 } from "./sd122-revisionsintervall.js";
import { rule as sd123 } from "./sd123-uppfoljning-inom-giltighet.js";
import { rule as sd124 } from "./sd124-uppfoljning-kravs.js";
import { rule as sd125 } from "./sd125-andringshistorik.js";
import { rule as sd126 } from "./sd126-inga-beslut-i-utkast.js";
import { rule as sd127 } from "./sd127-beslutad-version.js";
import { rule as sd128 } from "./sd128-remiss-bara-pa-remiss.js";
import { rule as sd130 } from "./sd130-obligatoriska-rubriker.js";
import { rule as sd131 } from "./sd131-rubrikniva.js";
import { rule as sd132 } from "./sd132-en-huvudrubrik.js";
import { rule as sd133 } from "./sd133-dokumentlankar.js";
import { rule as sd134 } from "./sd134-fillankar.js";
import { rule as sd135 } from "./sd135-alt-text.js";
import { rule as sd136 } from "./sd136-ra-html.js";
import { rule as sd140 } from "./sd140-personnummer.js";
import { rule as sd141 } from "./sd141-personlig-epost.js";
import { rule as sd142 } from "./sd142-platshallare.js";
import { rule as sd143 } from "./sd143-lix.js";
import { rule as sd144 } from "./sd144-mallens-hjalptext.js";

export const integrityRules: Rule[] = [
  sd101,
  sd102,
  sd103,
  sd104,
  sd105,
  sd106,
  sd107,
  sd108,
  sd109,
  sd110,
  sd111,
  sd112,
  sd113,
  sd120,
  sd121,
  sd122,
  sd123,
  sd124,
  sd125,
  sd126,
  sd127,
  sd128,
  sd130,
  sd131,
  sd132,
  sd133,
  sd134,
  sd135,
  sd136,
  sd140,
  sd141,
  sd142,
  sd143,
  sd144,
];
