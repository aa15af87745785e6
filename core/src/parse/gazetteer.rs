//! The gazetteer: the bodies, groups, programmes and terms plans name, with their
//! acronyms and other spellings.
//!
//! The delivery-plan parser uses it to tell where one name ends and the next
//! begins when a page ran a lead and its partners together ("Scottish Government
//! NES" is the Scottish Government and NES), to make one partner of several
//! spellings ("NES" and "NHS Education for Scotland"), and to expand acronyms a
//! document uses without defining them (NTTP, GIRFEC).
//!
//! [`Gazetteer::builtin`] knows the national bodies of Scotland, Wales and the
//! UK that mental-health plans name; add your own with [`Gazetteer::add`].
//!
//! ```
//! use stratagraph::parse::gazetteer::Gazetteer;
//! let mut g = Gazetteer::builtin();
//! assert_eq!(g.expand("NES"), Some("NHS Education for Scotland"));
//! assert_eq!(g.lookup("the Scottish government").map(|e| e.name.as_str()), Some("Scottish Government"));
//!
//! g.add("Voices for a Better Future", ["VBF"]);
//! assert_eq!(g.expand("VBF"), Some("Voices for a Better Future"));
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// What a gazetteer entry names.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntryKind {
    /// An organisation: a government, an agency, a board, a charity.
    Body,
    /// A kind of body, named as a group ("NHS Boards", "local authorities").
    Group,
    /// A programme, approach or framework ("GIRFEC", "NTTP").
    Programme,
    /// Any other term a plan abbreviates ("ACEs", "UNCRC").
    Term,
}

impl EntryKind {
    /// Whether an entry of this kind can lead or partner an action.
    pub fn is_body(self) -> bool {
        matches!(self, EntryKind::Body | EntryKind::Group)
    }
}

/// One name the gazetteer knows, with its other spellings.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The canonical name ("NHS Education for Scotland").
    pub name: String,
    /// Acronyms and other spellings ("NES"). An alias written in capitals
    /// ("NES", "TPTICs") is an acronym and matches only in capitals.
    pub aliases: Vec<String>,
    /// What the name stands for.
    pub kind: EntryKind,
}

impl Entry {
    /// An entry of `kind` with its aliases.
    pub fn new<I, S>(kind: EntryKind, name: impl Into<String>, aliases: I) -> Entry
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Entry {
            name: name.into(),
            aliases: aliases.into_iter().map(Into::into).collect(),
            kind,
        }
    }

    /// The first alias that is an acronym, if any.
    ///
    /// ```
    /// use stratagraph::parse::gazetteer::Gazetteer;
    /// let g = Gazetteer::builtin();
    /// assert_eq!(g.lookup("NHS Education for Scotland").and_then(|e| e.acronym()), Some("NES"));
    /// ```
    pub fn acronym(&self) -> Option<&str> {
        self.aliases
            .iter()
            .map(String::as_str)
            .find(|a| is_acronym(a))
    }
}

/// Whether a word is written like an acronym: 2 to 12 characters, capitals and
/// digits, starting with a capital, at least two capitals, with an optional
/// plural `s` ("NES", "TPTICs", "ACEs", "NHS24").
///
/// ```
/// use stratagraph::parse::gazetteer::is_acronym;
/// assert!(is_acronym("TPTICs"));
/// assert!(is_acronym("COSLA"));
/// assert!(!is_acronym("Scottish"));
/// assert!(!is_acronym("A"));
/// ```
pub fn is_acronym(word: &str) -> bool {
    let core = word.strip_suffix('s').unwrap_or(word);
    let n = core.chars().count();
    (2..=12).contains(&n)
        && core.starts_with(|c: char| c.is_ascii_uppercase())
        && core
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && core.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// A list of known names, matched case-insensitively (acronyms in capitals
/// only), with `&` and `and`, straight and curly apostrophes, and a leading
/// "the" counted as the same.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// Normalised names and non-acronym aliases -> entry.
    names: HashMap<String, usize>,
    /// Acronyms, exactly as written -> entry.
    acronyms: HashMap<String, usize>,
    /// The most words in any name.
    max_words: usize,
    /// The longest name, in bytes.
    max_len: usize,
}

impl PartialEq for Gazetteer {
    fn eq(&self, other: &Gazetteer) -> bool {
        self.entries == other.entries
    }
}

/// Bodies and groups that lead and partner actions.
const BODIES: &[(&str, &[&str])] = &[
    // Scotland
    ("Scottish Government", &["SG", "The Scottish Government"]),
    ("Convention of Scottish Local Authorities", &["COSLA"]),
    ("NHS Education for Scotland", &["NES"]),
    ("Public Health Scotland", &["PHS"]),
    ("Police Scotland", &[]),
    ("Scottish Fire and Rescue Service", &["SFRS"]),
    ("Scottish Ambulance Service", &["SAS"]),
    ("NHS 24", &["NHS24"]),
    ("Healthcare Improvement Scotland", &["HIS"]),
    ("Care Inspectorate", &[]),
    (
        "Mental Welfare Commission for Scotland",
        &["MWC", "Mental Welfare Commission"],
    ),
    ("Scottish Social Services Council", &["SSSC"]),
    ("Education Scotland", &[]),
    ("Skills Development Scotland", &["SDS"]),
    ("Scottish Prison Service", &["SPS"]),
    ("Crown Office and Procurator Fiscal Service", &["COPFS"]),
    ("Scottish Courts and Tribunals Service", &["SCTS"]),
    ("Children's Hearings Scotland", &["CHS"]),
    ("Scottish Children's Reporter Administration", &["SCRA"]),
    ("Social Security Scotland", &[]),
    ("Scottish Funding Council", &["SFC"]),
    ("Scottish Association for Mental Health", &["SAMH"]),
    ("See Me", &["See Me Scotland"]),
    ("Mental Health Foundation", &["MHF"]),
    ("Health in Mind", &[]),
    ("Penumbra", &[]),
    ("In Care Survivors Alliance", &["ICSA"]),
    ("Perinatal Mental Health Network Scotland", &["PMHNS"]),
    ("Scottish Recovery Network", &["SRN"]),
    ("VOX Scotland", &["Voices of Experience"]),
    ("Scottish Council for Voluntary Organisations", &["SCVO"]),
    ("Improvement Service", &[]),
    ("Scottish Police Authority", &["SPA"]),
    ("Scottish Qualifications Authority", &["SQA"]),
    ("Scottish Legal Aid Board", &["SLAB"]),
    ("Scottish Public Services Ombudsman", &["SPSO"]),
    (
        "Children and Young People's Commissioner Scotland",
        &["CYPCS"],
    ),
    ("Scottish Human Rights Commission", &["SHRC"]),
    ("NHS Ayrshire & Arran", &[]),
    ("NHS Borders", &[]),
    ("NHS Dumfries & Galloway", &[]),
    ("NHS Fife", &[]),
    ("NHS Forth Valley", &[]),
    ("NHS Grampian", &[]),
    ("NHS Greater Glasgow & Clyde", &["NHSGGC", "NHS GGC"]),
    ("NHS Highland", &[]),
    ("NHS Lanarkshire", &[]),
    ("NHS Lothian", &[]),
    ("NHS Orkney", &[]),
    ("NHS Shetland", &[]),
    ("NHS Tayside", &[]),
    ("NHS Western Isles", &[]),
    ("NHS National Services Scotland", &["NSS"]),
    ("The State Hospital", &["State Hospital"]),
    // Public bodies beyond health that the plans name as leads and partners
    // (transport, environment, economy, culture, records).
    ("Transport Scotland", &[]),
    ("Scottish Environment Protection Agency", &["SEPA"]),
    ("NatureScot", &["Scottish Natural Heritage", "SNH"]),
    ("Historic Environment Scotland", &["HES"]),
    ("Scottish Enterprise", &[]),
    ("Highlands and Islands Enterprise", &["HIE"]),
    ("South of Scotland Enterprise", &["SOSE"]),
    ("Food Standards Scotland", &["FSS"]),
    ("Scottish Water", &[]),
    ("Zero Waste Scotland", &["ZWS"]),
    ("Audit Scotland", &[]),
    ("sportscotland", &["Sport Scotland"]),
    ("Creative Scotland", &[]),
    ("Scottish Forestry", &[]),
    ("Forestry and Land Scotland", &["FLS"]),
    ("National Records of Scotland", &["NRS"]),
    ("Scottish Futures Trust", &["SFT"]),
    ("VisitScotland", &[]),
    // Wales
    ("Welsh Government", &["WG", "The Welsh Government"]),
    ("Public Health Wales", &["PHW"]),
    ("NHS Wales", &[]),
    ("Healthcare Inspectorate Wales", &["HIW"]),
    ("Care Inspectorate Wales", &["CIW"]),
    ("Social Care Wales", &[]),
    ("Welsh Local Government Association", &["WLGA"]),
    (
        "National Mental Health Partnership Board",
        &["NPB", "National Partnership Board"],
    ),
    ("Health Education and Improvement Wales", &["HEIW"]),
    ("Natural Resources Wales", &["NRW"]),
    ("Transport for Wales", &["TfW"]),
    // United Kingdom and England
    ("UK Government", &["HM Government"]),
    ("Department of Health and Social Care", &["DHSC"]),
    ("NHS England", &["NHSE"]),
    ("Office for National Statistics", &["ONS"]),
    (
        "National Institute for Health and Care Excellence",
        &["NICE"],
    ),
    ("Care Quality Commission", &["CQC"]),
];

/// Kinds of body, named as groups.
const GROUPS: &[(&str, &[&str])] = &[
    ("NHS Boards", &["NHS Board", "Territorial NHS Boards"]),
    (
        "Health Boards",
        &["Health Board", "Local Health Boards", "LHBs"],
    ),
    ("local authorities", &["local authority", "councils"]),
    ("Health and Social Care Partnerships", &["HSCPs", "HSCP"]),
    ("Integration Joint Boards", &["IJBs", "IJB"]),
    ("Integration Authorities", &["IAs"]),
    ("Alcohol and Drug Partnerships", &["ADPs", "ADP"]),
    ("Community Planning Partnerships", &["CPPs", "CPP"]),
    ("Child Protection Committees", &["CPCs"]),
    ("Adult Protection Committees", &["APCs"]),
    (
        "third sector organisations",
        &["third sector", "third sector partners"],
    ),
    ("national agencies", &[]),
    ("statutory services", &[]),
    ("Regional Partnership Boards", &["RPBs"]),
    ("public bodies", &["public sector bodies"]),
    ("Regional Transport Partnerships", &["RTPs"]),
];

/// Programmes, approaches and frameworks.
const PROGRAMMES: &[(&str, &[&str])] = &[
    ("National Trauma Transformation Programme", &["NTTP"]),
    (
        "Getting it right for every child",
        &["GIRFEC", "GIRFEC approach"],
    ),
    ("Child and Adolescent Mental Health Services", &["CAMHS"]),
    ("Psychological Therapies", &["PTs"]),
    ("Distress Brief Intervention", &["DBI"]),
    ("Mental Health Outcomes Framework", &[]),
    ("Together for Mental Health", &["T4MH"]),
    ("National Service Frameworks", &["NSFs", "NSF"]),
];

/// Other terms plans abbreviate.
const TERMS: &[(&str, &[&str])] = &[
    ("National Health Service", &["NHS"]),
    ("United Kingdom", &["UK"]),
    ("adverse childhood experiences", &["ACEs", "ACE"]),
    (
        "United Nations Convention on the Rights of the Child",
        &["UNCRC"],
    ),
    ("general practitioners", &["GPs", "GP"]),
    ("financial year", &["FY"]),
    ("lived experience", &[]),
    (
        "Lesbian, gay, bisexual, transgender and intersex",
        &["LGBTI", "LGBT"],
    ),
    ("black and minority ethnic", &["BME", "BAME"]),
    ("not in education, employment or training", &["NEET"]),
    ("key performance indicators", &["KPIs", "KPI"]),
];

/// Normalise a name for matching: lower case, `&` as `and`, curly apostrophes
/// straight, single spaces, no zero-width characters, no leading "the", no
/// trailing full stop.
fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word == "&" {
            out.push_str("and");
            continue;
        }
        for c in word.chars() {
            match c {
                '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
                '&' => out.push_str(" and "),
                c if crate::text::is_zero_width(c) => {}
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    let trimmed = out.trim_end_matches('.');
    let trimmed = trimmed.strip_prefix("the ").unwrap_or(trimmed);
    crate::text::fold_whitespace(trimmed)
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn empty() -> Gazetteer {
        Gazetteer::default()
    }

    /// The built-in gazetteer: national bodies of Scotland, Wales and the UK,
    /// groups of bodies (NHS Boards, local authorities, Health Boards), programmes
    /// (NTTP, GIRFEC) and common terms (NHS, ACEs, UNCRC).
    ///
    /// ```
    /// use stratagraph::parse::gazetteer::{EntryKind, Gazetteer};
    /// let g = Gazetteer::builtin();
    /// assert_eq!(g.expand("COSLA"), Some("Convention of Scottish Local Authorities"));
    /// assert_eq!(g.expand("NTTP"), Some("National Trauma Transformation Programme"));
    /// assert_eq!(g.expand("GIRFEC"), Some("Getting it right for every child"));
    /// assert_eq!(g.lookup("NHS boards").map(|e| e.kind), Some(EntryKind::Group));
    /// ```
    pub fn builtin() -> Gazetteer {
        Gazetteer::build_builtin()
    }

    /// The built-in gazetteer, built once and shared by the parsers that take
    /// no gazetteer of their own.
    pub(crate) fn shared() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(Gazetteer::build_builtin)
    }

    fn build_builtin() -> Gazetteer {
        let mut g = Gazetteer::empty();
        for (table, kind) in [
            (BODIES, EntryKind::Body),
            (GROUPS, EntryKind::Group),
            (PROGRAMMES, EntryKind::Programme),
            (TERMS, EntryKind::Term),
        ] {
            for (name, aliases) in table {
                g.add_entry(Entry::new(kind, *name, aliases.iter().copied()));
            }
        }
        g
    }

    /// Add a body with its acronyms and other spellings. A later entry wins
    /// over an earlier one for a spelling they share.
    ///
    /// ```
    /// use stratagraph::parse::gazetteer::Gazetteer;
    /// let mut g = Gazetteer::builtin();
    /// g.add("Dementia Lived Experience Panel", ["DLEP"]);
    /// let text = "Dementia Lived Experience Panel, NES";
    /// let (len, entry) = g.body_at_start(text).unwrap();
    /// assert_eq!(&text[..len], "Dementia Lived Experience Panel");
    /// assert_eq!(entry.acronym(), Some("DLEP"));
    /// ```
    pub fn add<I, S>(&mut self, name: impl Into<String>, aliases: I) -> &mut Gazetteer
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.add_entry(Entry::new(EntryKind::Body, name, aliases))
    }

    /// [`Gazetteer::add`], by value, for building.
    ///
    /// ```
    /// use stratagraph::parse::gazetteer::Gazetteer;
    /// let g = Gazetteer::empty().with("Penumbra", [] as [&str; 0]);
    /// assert!(g.lookup("penumbra").is_some());
    /// ```
    pub fn with<I, S>(mut self, name: impl Into<String>, aliases: I) -> Gazetteer
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.add(name, aliases);
        self
    }

    /// Add an entry of any kind.
    pub fn add_entry(&mut self, entry: Entry) -> &mut Gazetteer {
        let ix = self.entries.len();
        let index = |spelling: &str, g: &mut Gazetteer| {
            if spelling.trim().is_empty() {
                return;
            }
            g.max_words = g.max_words.max(spelling.split_whitespace().count());
            g.max_len = g.max_len.max(spelling.len());
            if is_acronym(spelling) {
                g.acronyms.insert(spelling.to_owned(), ix);
            } else {
                g.names.insert(normalise(spelling), ix);
            }
        };
        index(&entry.name, self);
        for alias in &entry.aliases {
            index(alias, self);
        }
        self.entries.push(entry);
        self
    }

    /// Every entry, in the order added.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry a name or acronym stands for, if known. Acronyms match in
    /// capitals only; a plural acronym ("HSCPs") also matches its singular.
    ///
    /// ```
    /// use stratagraph::parse::gazetteer::Gazetteer;
    /// let g = Gazetteer::builtin();
    /// assert_eq!(g.lookup("NHS Greater Glasgow and Clyde").map(|e| e.name.as_str()),
    ///            Some("NHS Greater Glasgow & Clyde"));
    /// assert!(g.lookup("nes").is_none());
    /// ```
    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        let name = name.trim();
        if name.is_empty() || name.len() > self.max_len.saturating_mul(2) + 8 {
            return None;
        }
        let ix = self
            .acronyms
            .get(name)
            .or_else(|| {
                name.strip_suffix('s')
                    .filter(|s| is_acronym(s))
                    .and_then(|s| self.acronyms.get(s))
            })
            .or_else(|| self.names.get(&normalise(name)))?;
        self.entries.get(*ix)
    }

    /// The expansion of an acronym (the canonical name of its entry).
    pub fn expand(&self, acronym: &str) -> Option<&str> {
        if !is_acronym(acronym.trim()) {
            return None;
        }
        self.lookup(acronym).map(|e| e.name.as_str())
    }

    /// The longest known body or group named at the start of `text`, as its
    /// length in bytes and its entry. A name ends at a word boundary and never
    /// runs over `/ , ; ( ) :`.
    ///
    /// ```
    /// use stratagraph::parse::gazetteer::Gazetteer;
    /// let g = Gazetteer::builtin();
    /// let text = "Scottish Government Third sector organisations";
    /// let (len, e) = g.body_at_start(text).unwrap();
    /// assert_eq!((&text[..len], e.name.as_str()), ("Scottish Government", "Scottish Government"));
    /// assert_eq!(g.body_at_start("COSLA/Scottish Government").map(|(n, _)| n), Some(5));
    /// assert!(g.body_at_start("NESTA").is_none());
    /// ```
    pub fn body_at_start(&self, text: &str) -> Option<(usize, &Entry)> {
        // The end (in bytes) of each of the first words, stopping at a delimiter.
        let mut ends: Vec<usize> = Vec::new();
        let mut in_word = false;
        for (i, c) in text.char_indices() {
            if "/,;():".contains(c) {
                if in_word {
                    ends.push(i);
                }
                in_word = false;
                break;
            }
            if c.is_whitespace() {
                if in_word {
                    ends.push(i);
                    if ends.len() >= self.max_words {
                        in_word = false;
                        break;
                    }
                }
                in_word = false;
            } else {
                if i > self.max_len.saturating_mul(2) + 8 {
                    in_word = false;
                    break;
                }
                in_word = true;
            }
        }
        if in_word {
            ends.push(text.len());
        }
        ends.truncate(self.max_words);
        ends.iter().rev().find_map(|&end| {
            let candidate = text.get(..end)?;
            self.lookup(candidate)
                .filter(|e| e.kind.is_body())
                .map(|e| (end, e))
        })
    }
}
