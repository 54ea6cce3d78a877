"""Built-in data for the segmenter: abbreviations and known mixed-case tokens.

Plain data, kept apart from the rules in :mod:`translate.segment` so that users (with
``--abbreviations FILE``) and maintainers can extend it without touching the code.

Three kinds of entries:

* **Prefix abbreviations** (titles, degrees, place and publishing prefixes) are followed by a
  name or a number and never end a sentence: ``PGS.TS. Trần Kiêm Hảo``, ``TP. Huế``,
  ``Q. 1``, ``tr. 12``.
* **Final-capable abbreviations** (``v.v.``, ``etc.``, ``Ltd.``) may end a sentence: the
  segmenter breaks after them only when a capitalised word follows.
* **Known tokens** are mixed-case words (``iPhone``, ``VietFuture``, ``Hue-S``) that the
  scrape-join repair must never cut, and which may start a sentence with a lowercase letter.

Matching is exact (case-sensitive): several Vietnamese words look like abbreviations once
lowercased (``no.`` "full", ``co.`` "shrink"), so each accepted spelling is listed.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Academic titles and professions, usually stacked before a name: `PGS.TS.`, `GS.TSKH.`,
# `ThS.BS.`, `NSND.`; signature blocks of official letters: `TM.`, `KT.`, `TUQ.`.
_TITLES = """
GS. Gs. PGS. Pgs. TS. Ts. TSKH. ThS. Ths. THS. Th.S. Th.s. CN. KS. Ks. BS. Bs.
BSCK. BSCKI. BSCKII. BSNT. DS. Ds. LS. Ls. KTS. NS. NSND. NSƯT. NGND. NGƯT. NNƯT. NSNA.
HLV. Đ/c. TGĐ. PGĐ. GĐ. Ng.
TM. KT. TUQ. Q.
Mr. Mrs. Ms. Dr. Prof. Sr. St. Mt. Rev. Gen. Col. Lt. Sgt. Capt. Gov. Sen. Rep. Hon.
"""

# Places and addresses: `TP. Huế`, `Tp. Hồ Chí Minh`, `Q. 1`, `P. 5`, `TT. Phú Bài`.
_PLACES = """
TP. Tp. T.P. tp. TX. Tx. TT. Tt. Q. P. X. H. Đ. KP. Kp. ĐT. QL. TL. Ave. Blvd. Rd.
"""

# Publishing, references and legal citations: `NXB. Trẻ`, `Nxb. Giáo dục`, `tr. 12`.
_REFERENCES = """
NXB. Nxb. nxb. tr. Tr. trg. tt. Tb. tb. Sđd. sđd. Tlđd. tlđd. Vol. vol. No. Nr. pp. p.
ch. Ch. v. Fig. fig. Ed. ed. ibid. Ibid. cf. Cf. vs. v/v. V/v. Cty. cty. a.k.a. A.K.A.
"""

# May end a sentence; a break follows them only before a capitalised word.
FINAL_CAPABLE_ABBREVIATIONS: frozenset[str] = _words(
    """
v.v. vv. v.v... v.v.v. etc. Etc. al. Co. Ltd. Inc. Corp. Jr. a.m. p.m. A.M. P.M. e.g. i.e.
U.S. U.K. B.C. A.D.
"""
)

# Written without a period but listed so that users see the full vocabulary in one place and
# so that `TP.HCM` is recognised as one token even when a period follows it.
_KNOWN_ABBREVIATED_NAMES = """
TP.HCM TP.HN Tp.HCM TP.Hồ UBND HĐND TAND VKSND MTTQ CĐS TT&TT KH&ĐT GD&ĐT NN&PTNT
"""

PREFIX_ABBREVIATIONS: frozenset[str] = _words(_TITLES + _PLACES + _REFERENCES)

ABBREVIATIONS: frozenset[str] = (
    PREFIX_ABBREVIATIONS | FINAL_CAPABLE_ABBREVIATIONS | _words(_KNOWN_ABBREVIATED_NAMES)
)

# Mixed-case words that look like scrape joins (`sản phẩmThích ứng`) but are names.
KNOWN_TOKENS: frozenset[str] = _words(
    """
Hue-S VietFuture iPhone iPad iPod iOS iCloud iMac macOS eBay eMail eKYC iCheck TikTok
McDonald McDonald's McLaren MacBook YouTube PhD LinkedIn PayPal PowerPoint
JavaScript TypeScript GitHub GitLab WordPress WhatsApp FaceTime OpenAI ChatGPT DeepMind
PlayStation SpaceX BlackBerry SoundCloud DreamWorks PricewaterhouseCoopers FedEx
VinFast VinGroup Vingroup VinMart VinID VinSmart Vinmec VinUni VinBus VinHomes Vinhomes
VnExpress VietNamNet VietnamNet VnEconomy VietJet Vietjet VietinBank VietcomBank TPBank
VPBank HDBank MBBank SeABank OCB ABBank LienVietPostBank PVcomBank BaoViet PetroVietnam
PetroLimex MobiFone VinaPhone Viettel ViettelPost ZaloPay MoMo ShopeeFood GrabFood
GrabBike GrabCar AirPods AirPay VNPay VNPT FPT CafeF CafeBiz SaiGon HaNoi DaNang HueCIT
HueGate LiverpoolFC TTXVN
"""
)
