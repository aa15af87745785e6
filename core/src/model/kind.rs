//! The kinds of node and edge a strategy graph is made of.
//!
//! # Why the names' `Display` and `FromStr` are hand-written (not strum)
//!
//! Eight enums of core read and write their names: [`NodeKind`] and [`EdgeKind`]
//! (the `kinds!` macro below: one table per enum gives `ALL`, `as_str`, `id_prefix`,
//! `Display` and `FromStr`), [`crate::Severity`], [`crate::format::CsvTable`],
//! [`crate::format::Format`], [`crate::progress::Status`],
//! [`crate::generate::Size`] and [`crate::parse::DocumentKind`]. Every `FromStr`
//! fails with [`Error::UnknownKind`] (`what`, the text given). strum 0.28
//! (`Display`, `EnumString`, `IntoStaticStr`, with `parse_err_fn` for that error)
//! was tried on the three it can express (these two and `Severity`: exact
//! snake_case names) and declined, measured on 2 shared cores (issue 13, point 5):
//!
//! - The other five it cannot express: `Format`, `CsvTable` and `Size` trim and
//!   lower-case before matching their aliases (strum's `ascii_case_insensitive`
//!   does not trim), `Status` reads any spacing and punctuation through its alias
//!   table (`Status::parse`), and `Size` writes `L` but reads `l` and `large`. They
//!   would keep their hand-written `FromStr` beside strum's, two styles instead of one.
//! - strum's `Display` pads (`f.pad`): `{:<12}` would start padding these names,
//!   which `write_str` never did.
//! - Build: strum_macros brings syn 2 and heck into core's normal tree (core's
//!   proc macros, serde_derive and thiserror, are on syn 3 only). A clean
//!   `cargo build -p stratagraph`: 28 to 30 s CPU (user) without, 31 to 36 s with;
//!   the units it adds took syn 2 3.2 to 6.7 s, strum_macros 4.9 to 5.4 s, heck and
//!   strum 0.5 s (`cargo build --timings`, two clean runs each).
//! - Size: larger, not smaller. `bindings-wasm/build.sh`: the explorer's module
//!   174,542 -> 174,723 B gzip (the page with JSON 196,721 -> 196,902 B, within its
//!   300 KB), the whole API's module 586,449 -> 587,491 B gzip.
//! - Gain: about 30 lines, the match arms the `kinds!` table already writes once.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

macro_rules! kinds {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident => $snake:literal, $prefix:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every kind, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];

            /// The snake_case name used in canonical JSON (`strategic_action`).
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $snake, )* }
            }

            /// The kebab-case prefix of ids of this kind (`strategic-action`).
            pub fn id_prefix(self) -> &'static str {
                match self { $( $name::$variant => $prefix, )* }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<$name, Error> {
                match s {
                    $( $snake => Ok($name::$variant), )*
                    _ => Err(Error::UnknownKind { what: $what, value: s.to_owned() }),
                }
            }
        }
    };
}

kinds! {
    /// What a node stands for, in the words of the documents.
    ///
    /// ```
    /// use stratagraph::NodeKind;
    /// assert_eq!(NodeKind::StrategicAction.as_str(), "strategic_action");
    /// assert_eq!("lead_partner".parse::<NodeKind>().is_err(), true);
    /// assert_eq!("partner".parse::<NodeKind>().unwrap(), NodeKind::Partner);
    /// ```
    NodeKind, "node kind" {
        /// A strategy as a whole ("Together for Mental Health").
        Strategy => "strategy", "strategy";
        /// A delivery plan of a strategy, with its period.
        Plan => "plan", "plan";
        /// A numbered priority of a plan ("Priority 10").
        Priority => "priority", "priority";
        /// A key area of focus a priority names.
        FocusArea => "focus_area", "focus-area";
        /// A strategic action of a priority ("10.1").
        StrategicAction => "strategic_action", "strategic-action";
        /// A numbered action (sub-action) of a strategic action ("10.1.1").
        Action => "action", "action";
        /// An outcome the plan works towards ("Outcome 3").
        Outcome => "outcome", "outcome";
        /// A challenge the plan answers.
        Challenge => "challenge", "challenge";
        /// An organisation or group that leads or partners actions.
        Partner => "partner", "partner";
        /// A board or body that oversees delivery.
        GovernanceBody => "governance_body", "governance-body";
        /// An act, measure or convention the strategy gives effect to.
        Legislation => "legislation", "legislation";
        /// A population the strategy or an action targets.
        PopulationGroup => "population_group", "population-group";
        /// A named programme, service or framework mentioned by the plan.
        Programme => "programme", "programme";
        /// An indicator that measures an outcome.
        Indicator => "indicator", "indicator";
        /// A principle or approach the strategy follows ("recovery and enablement").
        Principle => "principle", "principle";
    }
}

kinds! {
    /// How two nodes are related. Edges point from the first-named to the second:
    /// an action is `led_by` a partner, a priority `contains` a strategic action.
    ///
    /// ```
    /// use stratagraph::EdgeKind;
    /// assert_eq!(EdgeKind::KeyPartner.as_str(), "key_partner");
    /// assert!(EdgeKind::Contains.is_hierarchy());
    /// ```
    EdgeKind, "edge kind" {
        /// Hierarchy: strategy > plan > priority > strategic action > action.
        Contains => "contains", "contains";
        /// A priority or action contributes to an outcome.
        ContributesTo => "contributes_to", "contributes-to";
        /// A priority or action addresses a challenge.
        Addresses => "addresses", "addresses";
        /// An action is led by a partner (joint leads are several edges).
        LedBy => "led_by", "led-by";
        /// A partner is a key partner of an action.
        KeyPartner => "key_partner", "key-partner";
        /// A partner is a member of an alliance (another partner).
        MemberOf => "member_of", "member-of";
        /// A governance body oversees a strategy or plan.
        Oversees => "oversees", "oversees";
        /// A strategy gives effect to legislation.
        GivesEffectTo => "gives_effect_to", "gives-effect-to";
        /// A strategy supersedes (replaces) an earlier strategy.
        Supersedes => "supersedes", "supersedes";
        /// A strategy, priority or action targets a population group.
        Targets => "targets", "targets";
        /// An indicator measures an outcome.
        Measures => "measures", "measures";
        /// One action depends on another.
        DependsOn => "depends_on", "depends-on";
        /// A node mentions a programme.
        Mentions => "mentions", "mentions";
        /// A strategy or plan follows a principle.
        Follows => "follows", "follows";
    }
}

impl EdgeKind {
    /// Whether this edge kind forms the document hierarchy (only `contains`).
    pub fn is_hierarchy(self) -> bool {
        self == EdgeKind::Contains
    }
}
