//! One document: its metadata, its cleaned text with the search terms, quotes
//! and names marked, match navigation, and the original file on request.

use corpus_model::{BlockKind, Document};
use corpus_views::annotate::{pieces, pieces_of, DocumentRanges, Layers, Piece};
use corpus_views::citation::{human_date, speaker_name};
use corpus_views::requests::{highlight_request, results_of};
use corpus_views::state::{View, ViewState};
use leptos::prelude::*;

use crate::data::{corpus, index};
use crate::routing::{Link, Router};

#[component]
pub fn Reader() -> impl IntoView {
    let router = Router::get();
    let doc_id = Memo::new(move |_| {
        router.state.with(|s| {
            let file = s.doc.as_deref()?;
            corpus().documents.iter().position(|d| d.file == file)
        })
    });
    move || match doc_id.get() {
        Some(id) => view! { <DocumentPage doc=&corpus().documents[id] /> }.into_any(),
        None => view! {
            <section class="not-found">
                <h2>"Document not found"</h2>
                <p>"This link names a document that is not in this corpus."</p>
                <Link to=ViewState::default()>"Back to all documents"</Link>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn DocumentPage(doc: &'static Document) -> impl IntoView {
    let router = Router::get();
    let show_original = RwSignal::new(false);
    let marks = match_marks(doc);
    let current = RwSignal::new(None::<usize>);
    let back = Signal::derive(move || router.state.with(results_of));
    Effect::new(move |_| {
        if let Some(quote) = router.state.with(|s| s.quote) {
            request_animation_frame(move || scroll_to(&format!("quote-{quote}")));
        }
    });
    view! {
        <article class="reader" aria-labelledby="doc-title">
            <p class="back"><Link to=back>"← All results"</Link></p>
            <header class="doc-header">
                <h2 id="doc-title">{doc.meta.title.clone()}</h2>
                <DocumentMeta doc=doc />
            </header>
            <div class="reader-tools" role="toolbar" aria-label="Document tools">
                <MatchNavigation marks=marks current=current />
                <button
                    type="button"
                    class="secondary"
                    aria-pressed=move || if show_original.get() { "true" } else { "false" }
                    on:click=move |_| show_original.update(|v| *v = !*v)
                >
                    {move || if show_original.get() { "Show cleaned text" } else { "Show original text" }}
                </button>
                <button type="button" class="secondary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
            </div>
            {move || {
                if show_original.get() {
                    view! { <OriginalText doc=doc /> }.into_any()
                } else {
                    let marks = marks.get();
                    view! { <CleanText doc=doc marks=marks current=current /> }.into_any()
                }
            }}
            <DocumentQuotes doc=doc />
            <DocumentEntities doc=doc />
        </article>
    }
}

/// The byte ranges of the document's words matching the query, searched
/// again only when the query changes.
fn match_marks(doc: &'static Document) -> Memo<Vec<(u32, u32)>> {
    let router = Router::get();
    let query = Memo::new(move |_| router.state.with(|s| s.query.clone()));
    let terms = Memo::new(move |_| {
        let query = query.get();
        if query.trim().is_empty() {
            return Vec::new();
        }
        index().search(corpus(), &highlight_request(&query)).terms
    });
    Memo::new(move |_| {
        terms.with(|t| {
            if t.is_empty() {
                Vec::new()
            } else {
                index().highlight(&doc.text, t)
            }
        })
    })
}

/// The match count and the buttons stepping through the matches, shown
/// when the query matches the document.
#[component]
fn MatchNavigation(
    marks: Memo<Vec<(u32, u32)>>,
    current: RwSignal<Option<usize>>,
) -> impl IntoView {
    let step = move |forward: bool| {
        let total = marks.with_untracked(Vec::len);
        if total == 0 {
            return;
        }
        let next = match (current.get_untracked(), forward) {
            (None, true) => 0,
            (None, false) => total - 1,
            (Some(i), true) => (i + 1) % total,
            (Some(i), false) => (i + total - 1) % total,
        };
        current.set(Some(next));
        scroll_to(&format!("match-{next}"));
    };
    view! {
        <Show when=move || marks.with(|m| !m.is_empty())>
            <span class="match-count" aria-live="polite">
                {move || {
                    let total = marks.with(Vec::len);
                    match current.get() {
                        Some(i) => format!("Match {} of {total}", i + 1),
                        None => format!("{total} matches"),
                    }
                }}
            </span>
            <button type="button" class="secondary" on:click=move |_| step(false)>"Previous match"</button>
            <button type="button" class="secondary" on:click=move |_| step(true)>"Next match"</button>
        </Show>
    }
}

fn scroll_to(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

#[component]
fn DocumentMeta(doc: &'static Document) -> impl IntoView {
    let row = |label: &'static str, value: Option<String>| {
        value.map(|v| view! { <div><dt>{label}</dt><dd>{v}</dd></div> })
    };
    view! {
        <dl class="doc-meta">
            {row("Source", doc.meta.source.clone())}
            <div><dt>"Date"</dt><dd>{doc.meta.date.as_ref().map_or_else(|| "Undated".to_string(), human_date)}</dd></div>
            {row("Kind", doc.meta.kind.clone())}
            {doc.meta.facets.iter().map(|(k, v)| view! { <div><dt>{k.clone()}</dt><dd>{v.join(", ")}</dd></div> }).collect_view()}
            <div><dt>"File"</dt><dd><code>{doc.file.clone()}</code></dd></div>
            {doc.meta.url.clone().filter(|u| u.starts_with("https://") || u.starts_with("http://")).map(|url| {
                let href = url.clone();
                view! {
                    <div><dt>"Original"</dt><dd><a href=href rel="noopener noreferrer" target="_blank">{url}</a></dd></div>
                }
            })}
        </dl>
    }
}

/// The cleaned text, block by block, with quotes, names and matches marked.
#[component]
fn CleanText(
    doc: &'static Document,
    marks: Vec<(u32, u32)>,
    current: RwSignal<Option<usize>>,
) -> impl IntoView {
    let ranges = DocumentRanges::of(doc);
    let layers = ranges.layers(&marks);
    let mut rendered = Vec::new();
    let mut bullets = Vec::new();
    let mut quote_opened = vec![false; doc.quotes.len()];
    let stretches: Vec<(u32, u32)> = doc.blocks.iter().map(|b| (b.start, b.end)).collect();
    let cut = pieces_of(&doc.text, &stretches, layers);
    for (block, block_pieces) in doc.blocks.iter().zip(cut) {
        let content = block_pieces
            .into_iter()
            .map(|p| render_piece(doc, p, &marks, &mut quote_opened, current))
            .collect_view();
        let node = match block.kind {
            BlockKind::Heading => view! { <h3 class="doc-heading">{content}</h3> }.into_any(),
            BlockKind::Bullet => {
                bullets.push(view! { <li>{content}</li> });
                continue;
            }
            BlockKind::Signature => view! { <p class="signature">{content}</p> }.into_any(),
            BlockKind::Paragraph => view! { <p>{content}</p> }.into_any(),
        };
        if !bullets.is_empty() {
            rendered.push(
                view! { <ul class="standfirst">{std::mem::take(&mut bullets)}</ul> }.into_any(),
            );
        }
        rendered.push(node);
    }
    if !bullets.is_empty() {
        rendered.push(view! { <ul class="standfirst">{bullets}</ul> }.into_any());
    }
    view! { <div class="doc-text">{rendered}</div> }
}

fn render_piece(
    doc: &'static Document,
    piece: Piece,
    marks: &[(u32, u32)],
    quote_opened: &mut [bool],
    current: RwSignal<Option<usize>>,
) -> AnyView {
    let words = doc.text[piece.start as usize..piece.end as usize].to_string();
    let mut node: AnyView = if let Some(index) = piece.mark_index {
        let index = index as usize;
        let id = marks
            .get(index)
            .filter(|m| m.0 == piece.start)
            .map(|_| format!("match-{index}"));
        view! { <mark id=id class:current=move || current.get() == Some(index)>{words}</mark> }
            .into_any()
    } else {
        words.into_any()
    };
    if let Some(entity) = piece
        .mention
        .and_then(|e| corpus().entities.get(e as usize))
    {
        let to = ViewState {
            view: View::Entity,
            entity: Some(entity.name.clone()),
            ..ViewState::default()
        };
        node = view! { <Link to=to class="mention">{node}</Link> }.into_any();
    }
    if let Some(i) = piece.quote {
        let quote = &doc.quotes[i as usize];
        let first = !std::mem::replace(&mut quote_opened[i as usize], true);
        let id = first.then(|| format!("quote-{i}"));
        let class = format!("quote {}", quote.kind.as_str());
        let tag = (piece.end == quote.end).then(|| {
            let name = speaker_name(corpus(), quote);
            let to = ViewState {
                view: View::Entity,
                entity: Some(name.clone()),
                ..ViewState::default()
            };
            view! { <span class="speaker-tag">" — "<Link to=to>{name}</Link></span> }
        });
        node = view! { <span class=class id=id>{node}</span>{tag} }.into_any();
    }
    node
}

/// The original file, with what cleaning removed struck through.
#[component]
fn OriginalText(doc: &'static Document) -> impl IntoView {
    let dropped: Vec<(u32, u32)> = doc
        .dropped
        .iter()
        .map(|d| (d.raw_start, d.raw_end))
        .collect();
    let layers = Layers {
        marks: &dropped,
        ..Layers::default()
    };
    let original = doc.original();
    let content = pieces(&original, 0, original.len() as u32, layers)
        .into_iter()
        .map(|p| {
            let words = original[p.start as usize..p.end as usize].to_string();
            if p.mark {
                let reason = p
                    .mark_index
                    .and_then(|i| doc.dropped.get(i as usize))
                    .map(|d| format!("Removed: {}", d.reason))
                    .unwrap_or_default();
                view! { <del title=reason>{words}</del> }.into_any()
            } else {
                words.into_any()
            }
        })
        .collect_view();
    view! {
        <section class="original" aria-label="Original text">
            <p class="hint">"The file as it is. Struck-through parts are navigation, promotions and other furniture that cleaning removed."</p>
            <pre>{content}</pre>
        </section>
    }
}

#[component]
fn DocumentQuotes(doc: &'static Document) -> impl IntoView {
    (!doc.quotes.is_empty()).then(|| {
        let router = Router::get();
        let items = doc
            .quotes
            .iter()
            .enumerate()
            .map(|(i, quote)| {
                let text = doc.quote_text(quote).to_string();
                let who = speaker_name(corpus(), quote);
                let kind = quote.kind.as_str();
                view! {
                    <li>
                        <button type="button" class="link-button" on:click=move |_| router.replace(|s| s.quote = Some(i as u32))>
                            <span class="quote-who">{who}</span>
                            <span class="badge">{kind}</span>
                            <span class="quote-snippet">{text}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="doc-quotes" aria-labelledby="doc-quotes-heading">
                <h3 id="doc-quotes-heading">{format!("Quotes in this document ({})", doc.quotes.len())}</h3>
                <ol>{items}</ol>
            </section>
        }
    })
}

#[component]
fn DocumentEntities(doc: &'static Document) -> impl IntoView {
    let mut ids: Vec<u32> = doc.mentions.iter().map(|m| m.entity).collect();
    ids.sort_unstable();
    ids.dedup();
    (!ids.is_empty()).then(|| {
        let links = ids
            .into_iter()
            .filter_map(|id| corpus().entities.get(id as usize))
            .map(|e| {
                let to = ViewState {
                    view: View::Entity,
                    entity: Some(e.name.clone()),
                    ..ViewState::default()
                };
                view! { <li><Link to=to>{e.name.clone()}</Link></li> }
            })
            .collect_view();
        view! {
            <section class="doc-entities" aria-labelledby="doc-entities-heading">
                <h3 id="doc-entities-heading">"Named in this document"</h3>
                <ul class="entity-links">{links}</ul>
            </section>
        }
    })
}
