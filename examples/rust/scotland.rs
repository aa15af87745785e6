//! Parse the bundled Scottish delivery plan and answer the questions of the
//! people who deliver and scrutinise it.
//!
//! cargo run -p stratagraph --example scotland

use stratagraph::analysis::{coverage, network, timeline};
use stratagraph::{query, Date};

const PLAN: &str = include_str!("../data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt");

fn main() {
    let parsed = stratagraph::parse_delivery_plan(PLAN);
    let plan = &parsed.strategy;
    println!(
        "{} nodes, {} edges, {} diagnostics",
        plan.len(),
        plan.edge_count(),
        parsed.diagnostics.len()
    );

    println!("\nWho carries the most?");
    for row in query::partner_load(plan).rows.iter().take(5) {
        println!(
            "  {:<32} leads {:>2}, key partner {:>2}",
            row.label, row.leads, row.key_partner
        );
    }

    println!("\nWhat does COSLA lead or partner?");
    if let Ok(r) = query::partner_responsibilities(plan, "COSLA") {
        for row in &r.rows {
            println!("  {:<12} {}", row.role, row.number);
        }
    }

    println!("\nGaps");
    for g in &coverage::gaps(plan).rows {
        println!("  {}: {}", g.gap, g.label);
    }

    if let Some(as_of) = Date::new(2024, 6, 30) {
        println!("\nOverdue on {as_of} (no progress report applied)");
        for row in &timeline::overdue(plan, as_of).rows {
            println!(
                "  {} due {} ({} days)",
                row.number, row.due, row.days_overdue
            );
        }
    }

    println!("\nMost central partners (betweenness)");
    let mut rows = network::partner_centrality(plan).rows;
    rows.sort_by(|a, b| b.betweenness.total_cmp(&a.betweenness));
    for row in rows.iter().take(3) {
        println!("  {:<32} {:.3}", row.label, row.betweenness);
    }
}
