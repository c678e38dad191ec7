//! Labels, voices, speakers and points on small made-up articles, through the whole pipeline.

use hedge::classify::{Flag, Label, NotClaim, SentenceScore, Voice};
use hedge::extract::extract;
use hedge::lexicon::Lexicon;
use hedge::pipeline::analyze;

fn run(text: &str) -> Vec<SentenceScore> {
    let lex = Lexicon::embedded().unwrap();
    analyze(&extract("t", "t", text.to_string()), &lex).sentences
}

#[test]
fn precedence_is_attributed_then_hedged_then_boosted_then_asserted() {
    let s = run("Selon l'AFP, le convoi aurait évidemment compté 50 camions.");
    assert_eq!(s[0].label, Label::Attributed);
    assert!(s[0].flags.contains(&Flag::Hedged) && s[0].flags.contains(&Flag::Boosted), "{:?}", s[0].flags);
    let s = run("Le convoi aurait évidemment compté 50 camions.");
    assert_eq!(s[0].label, Label::Hedged);
    let s = run("Les Turcs n'ont évidemment pas été informés de la situation.");
    assert_eq!(s[0].label, Label::Boosted);
    assert_eq!(s[0].points, Some(100));
    let s = run("Les Turcs n'ont pas été informés de la situation.");
    assert_eq!(s[0].label, Label::Asserted);
    assert_eq!(s[0].points, Some(75));
}

#[test]
fn questions_bylines_and_fragments_are_not_claims() {
    let s = run("Des jihadistes français en route pour l'Europe ?\n\nPublié le 15 novembre 2017 à 0h13\n\nSous protection de l'aviation alliée\n\nLe convoi est parti de Raqqa.");
    let labels: Vec<Label> = s.iter().map(|s| s.label).collect();
    assert_eq!(labels, [Label::None, Label::None, Label::None, Label::Asserted]);
    assert!(s.iter().take(3).all(|s| s.points.is_none()));
}

#[test]
fn quoted_sentences_are_credited_to_the_speaker_and_earn_the_quoted_base_whatever_their_markers() {
    let s = run("Asia News précise :\n\n« Ce transit semble se produire en toute sécurité. »\n\nLe convoi est parti.");
    let q = s.iter().find(|s| s.text.contains("transit")).unwrap();
    assert_eq!(q.voice, Voice::Quoted);
    // The speaker is the name alone, not the tag's leftover words (issue 14).
    assert_eq!(q.speaker.as_deref(), Some("Asia News"));
    // « semble » is the speaker's hedge, not the outlet's: the claim earns the quoted base
    // (lexicons/rules/scoring.toml), not 35 − 20.
    assert!(q.markers.iter().any(|m| m.text == "semble"));
    assert_eq!((q.base, q.points), (Some(35), Some(35)));

    let s = run("« Nous voulions que personne ne parte », a déclaré le colonel Ryan Dillon.");
    assert_eq!(s[0].voice, Voice::Quoted);
    assert_eq!(s[0].speaker.as_deref(), Some("le colonel Ryan Dillon"));

    // A quotation over several sentences: its sentences in the quoted voice, with the speaker
    // the tag after it names (the last one, mostly the tag, stays the outlet's, ATTRIBUTED).
    let s = run("« Nous sommes prêts. Nous attaquerons demain. Le pays est fort », a déclaré le ministre.");
    assert!(s[..2].iter().all(|s| s.voice == Voice::Quoted && s.speaker.as_deref() == Some("le ministre")), "{s:?}");
    assert_eq!(s[2].label, Label::Attributed);

    // A dialogue line with an incise: the quoted voice, the speaker from the tag.
    let s = run("— Les papiers s'envoleraient ! s'écria Pécuchet.");
    assert_eq!(s[0].speaker.as_deref(), Some("Pécuchet"));

    // fr-litbank (Pauline, Mademoiselle Fifi): a demonstrative pronoun, a manner complement
    // between the verb and its subject, a title with a particle, an opening time phrase.
    // (Dash lines make a dialogue from the second one on: each case follows a first line.)
    for (text, speaker) in [
        ("— Nullement, répondit celle-ci ; mais elle a toute sa mémoire.", "celle-ci"),
        ("— Et elle est toujours Laurence, dit avec chaleur la bonne Pauline en l'embrassant.", "la bonne Pauline"),
        ("Un peu plus tard, M. de Coutelier lui dit : « Si vous saviez comme je pense à votre amie. »", "M. de Coutelier"),
    ] {
        let lex = Lexicon::embedded().unwrap();
        let doc = format!("— Me voit-elle ? demanda Laurence.\n\n{text}");
        let quotes = analyze(&extract("t", "t", doc), &lex).quotes;
        let last = quotes.last().expect(text);
        assert_eq!(last.speaker.as_deref(), Some(speaker), "{text}: {quotes:?}");
    }
}

#[test]
fn markers_inside_a_short_quotation_do_not_count_for_the_outlet() {
    let s = run("Il a qualifié l'accord de « présumé secret » devant la presse.");
    assert_eq!(s[0].voice, Voice::Own);
    let m = s[0].markers.iter().find(|m| m.text == "présumé").expect("présumé is marked");
    assert!(m.in_quote && !m.counted);
    assert_ne!(s[0].label, Label::Hedged);
}

#[test]
fn the_reading_decides_whether_a_conditional_is_a_hedge() {
    let s = run("Si l'armée avait voulu, l'opération aurait été toute simple.");
    let m = s[0].markers.iter().find(|m| m.text == "aurait").unwrap();
    assert_eq!(m.reading.map(|r| r.as_str()), Some("hypothetical"));
    assert!(!m.counted);
    assert_eq!(s[0].label, Label::Asserted);
    let s = run("Il faudrait agir vite.");
    assert_eq!(s[0].markers[0].reading.map(|r| r.as_str()), Some("attenuation"));
}

#[test]
fn points_are_base_plus_counted_weights_within_bounds() {
    for s in run("Certains auraient rejoint Daech et d'autres auraient rejoint la Turquie, apparemment.") {
        let sum: i32 = s.markers.iter().map(|m| m.weight).sum();
        assert_eq!(s.points, Some((s.base.unwrap() + sum).clamp(0, 100)));
        assert_eq!(s.points, Some(0), "35 − 25 − 25 − 20 is kept at 0");
    }
}

#[test]
fn a_reporting_verb_with_a_first_person_subject_stays_in_the_writers_voice() {
    for text in [
        "Je voudrais rappeler que la Commission n'a rien décidé.",
        "Comme je l'ai déclaré hier, le budget sera tenu.",
        "Nous le répétons avec insistance : le budget sera tenu.",
        "Permettez-moi de vous dire que le budget sera tenu.",
        // The person is in the ending: -ons is « nous », here an imperative (issue 13: the
        // opinion pieces of the genre data are full of them; no third party is credited).
        "Rappelons que le budget avait été voté en décembre.",
        "Le budget sera tenu, répétons-le, malgré la crise.",
        // An infinitive under an impersonal verb has no subject to credit.
        "Il faut rappeler que le budget avait été voté en décembre.",
        "Il convient de préciser que le budget avait été voté en décembre.",
        "Il est important de noter que le budget avait été voté en décembre.",
        // Adverbs between « est » and the adjective (news gold dev-3).
        "Il est également intéressant de noter que la Russie fournit un cinquième du charbon mondial.",
        // « être à » + infinitive: what is to be noted, the writer's aside (UD, genre data).
        "Il est à noter que le budget avait été voté en décembre.",
        "À noter que le parquet avait requis un an de prison.",
        // The capital printed without its accent (UD French, Est Républicain).
        "A noter que deux ateliers seront organisés à l'occasion de la conférence d'Alger.",
        // An infinitive that opens the sentence is its subject: nobody is credited (issue 13's
        // hand check of the genre data: « Dire que… serait le comble de l'euphémisme »).
        "Dire que la guerre est finie serait une erreur.",
        "Mais dire cela, c'est être classé parmi les complotistes.",
        // A governing verb in -ons after « nous », or opening the sentence.
        "Dusty et moi, nous nous plaisons à dire que le dimanche est sacré.",
        "Comme nous l'avons expliqué, le budget sera tenu.",
        "Nous le répétons : le budget sera tenu.",
        "Tenons à rappeler que le budget a été voté en décembre.",
        // A subject opened by a first-person possessive is the writer's side.
        "Notre groupe estime que le budget doit être revu.",
        "Notre reportage en témoigne : les habitants se sont réfugiés dans l'apathie.",
    ] {
        let s = run(text);
        assert_ne!(s[0].label, Label::Attributed, "{text}: {:?}", s[0].markers);
        assert!(s[0].flags.contains(&Flag::SelfSpeech), "{text}: {:?}", s[0].flags);
        assert!(s[0].markers.iter().any(|m| !m.counted), "{text}");
    }
    // A first-person object is not the speaker; a third-person subject is a source.
    for text in [
        "Il nous a dit que le budget serait tenu.",
        // « nous » after a noun, « ne » or a preposition is the object (news dev-2, UD): only a
        // « nous » that opens its clause is the subject.
        "Mais il y a quelques semaines à peine, ces mêmes personnes nous disaient que nous devions supporter des prix plus élevés.",
        "Ils nous ont toujours dit que le budget serait tenu.",
        "Encore un peu plus introspectif, Souchon nous rappelle que la société ne lui va toujours pas.",
        "Le ministre a tenu à rappeler que le budget sera tenu.",
        "Le ministre vient de rappeler que le budget sera tenu.",
        // A noun in -ons is not a first person (« télévisions »), nor a verb across punctuation.
        "Les télévisions ont annoncé que le bilan était de 70 000 morts.",
        // « nous » whose verb is not a first person plural is an object: the subject is
        // inverted (« dit-on ») or after the verb (news dev-2: « La science, nous dit-on, … »).
        "La science, nous dit-on, ne valide qu'une seule conclusion.",
        "Voici ce que nous dit le rapport : le budget sera tenu.",
        "Comme nous l'explique le ministre, le budget sera tenu.",
        "« C'est aux ordres du maire que nous travaillions », explique l'ancien trésorier.",
        "« Aucun bunker n'est hors de notre portée », affirmait le président.",
    ] {
        let s = run(text);
        assert_eq!(s[0].label, Label::Attributed, "{text}: {:?}", s[0].markers);
        assert!(!s[0].flags.contains(&Flag::SelfSpeech), "{text}");
    }
}

#[test]
fn a_verb_of_noticing_whose_subject_is_the_reader_cites_nobody() {
    // News gold dev-3 (session 17): the writer points the reader at a fact in his own voice.
    for text in [
        "Vous remarquerez au passage que toutes les propositions sont incitatives.",
        "Vous avez remarqué que le passe vaccinal a été suspendu et non pas retiré.",
        "Notez que le budget avait été voté en décembre.",
        // UD (a medicine leaflet): the reader again.
        "Si vous remarquez des effets indésirables non mentionnés dans cette notice, informez votre médecin.",
    ] {
        let s = run(text);
        assert_ne!(s[0].label, Label::Attributed, "{text}: {:?}", s[0].markers);
        assert!(s[0].flags.contains(&Flag::SelfSpeech), "{text}: {:?}", s[0].flags);
    }
    // A verb of speaking whose subject is the one addressed cites him (UD, Europarl); a third
    // person who noticed is a source.
    for text in [
        "Enfin, vous avez rappelé, Monsieur le Président, les valeurs auxquelles vous teniez.",
        "Les enquêteurs ont remarqué que la porte avait été forcée.",
    ] {
        let s = run(text);
        assert_eq!(s[0].label, Label::Attributed, "{text}: {:?}", s[0].markers);
    }
}

#[test]
fn a_paragraph_announced_by_a_reporting_verb_and_a_colon_is_attributed() {
    // The shape of news gold dev-3 (« Libération écrit : » and the newspaper's paragraph, its
    // block-quotation marks lost), in sentences written for the test.
    let s =
        run("Le quotidien régional écrit :\n\nLa majorité a rejeté la taxe samedi. Le texte prévoyait un taux de 25 %.\n\nLe débat reprendra lundi.");
    assert_eq!((s[1].label, s[2].label), (Label::Attributed, Label::Attributed), "{s:?}");
    assert!(s[1].flags.contains(&Flag::Announced));
    // Only the announced paragraph.
    assert_eq!(s[3].label, Label::Asserted);
    // No source before the colon, or the verb far from it (an image followed), or the writer
    // himself: nothing is credited.
    for text in [
        "Voici les détails de l'accord :\n\nLe convoi faisait sept kilomètres de long.",
        "L'histoire peut être résumée par le mème suivant :\n\nLes dirigeants parlent de l'élargissement de l'OTAN.",
        "Je m'explique :\n\nLe convoi faisait sept kilomètres de long.",
    ] {
        let s = run(text);
        assert_eq!(s.last().unwrap().label, Label::Asserted, "{text}: {s:?}");
    }
}

#[test]
fn a_post_above_its_signature_is_its_authors() {
    // The shape of news gold dev-3 (tweets embedded in an opinion piece, shown as text with the
    // embed's signature line), in sentences and accounts made up for the test.
    let s = run("Le débat a repris ce matin.\n\nLa taxe est enterrée. Personne ne s'en étonne.\n— Jeanne Martin (@jmartin_34) July 19, 2022\n\nLe vote aura lieu lundi.");
    assert_eq!(s.len(), 5, "{s:?}");
    // The writer's paragraphs before and after stay hers.
    assert_eq!((s[0].label, s[4].label), (Label::Asserted, Label::Asserted), "{s:?}");
    for t in &s[1..3] {
        assert_eq!(t.label, Label::Attributed, "{t:?}");
        assert!(t.flags.contains(&Flag::Signed), "{t:?}");
        assert_eq!(t.speaker.as_deref(), Some("Jeanne Martin"));
    }
    // The signature is metadata, not a claim.
    assert_eq!(s[3].label, Label::None);
    assert_eq!(s[3].not_claim, Some(NotClaim::Metadata));
    assert_eq!(s[3].points, None);
    // A French date, and a dash that is no signature (no account, or no date): nothing moves.
    let s = run("Les urnes sont closes.\n— Le Journal (@lejournal) 23 juillet 2022");
    assert_eq!(s[0].label, Label::Attributed, "{s:?}");
    for text in ["Les urnes sont closes.\n— Le Journal (@lejournal)", "Les urnes sont closes.\n— Le Journal (lejournal) July 19, 2022"] {
        let s = run(text);
        assert_eq!(s[0].label, Label::Asserted, "{text}: {s:?}");
    }
}

#[test]
fn an_own_voice_claim_holding_a_quotation_whose_speaker_is_named_in_it_is_attributed() {
    // Seed 000 (the speaker before a colon), and made-up sentences built like the reports of the
    // genre data: an inverted tag after the quotation, with a verb outside the lexicon
    // (« analyse ») or a pronoun (« a-t-il glissé »). (With a verb of the lexicon, « a-t-il prévenu »,
    // the marker itself makes the sentence ATTRIBUTED: see the matcher's compound inverted tags.)
    for (text, speaker) in [
        ("Le président Bush avait été sans équivoque : « Ils sont cuits. Ils sont finis. »", Some("Le président Bush")),
        ("Conséquence : « les réserves ne suffiront pas cet été », analyse Marie Dupont, hydrologue au CNRS.", Some("Marie Dupont")),
        ("Si le barrage cède, « la vallée sera inondée », a-t-il glissé devant les élus.", Some("il")),
        // A naming participle after an auxiliary is a verb of speech (« appeler à »).
        ("Le ministre a appelé « au calme et à la retenue » les habitants du quartier.", Some("Le ministre")),
    ] {
        let s = run(text);
        assert_eq!(s[0].voice, Voice::Own, "{text}");
        assert_eq!(s[0].label, Label::Attributed, "{text}: {:?}", s[0].flags);
        assert!(s[0].flags.contains(&Flag::QuoteCredited), "{text}: {:?}", s[0].flags);
        assert_eq!(s[0].points, Some(35), "{text}");
        if speaker.is_some() {
            assert_eq!(s[0].speaker.as_deref(), speaker, "{text}");
        }
    }
    // No speaker, or the writer as speaker: the outlet's own voice.
    for text in [
        "Le jeu ambigu des Etats-Unis à Mossoul : « ils aident les djihadistes » depuis des mois.",
        "Quand je dis « inflation », je parle de la hausse des prix, pas des salaires.",
        "Le quartier, surnommé « la Petite Venise », attire les touristes du monde entier.",
        // A name after a naming participle (`naming` of quotes.toml) gets no speaker (UD
        // Sequoia, dev-4, session 20).
        "La section judo a organisé le premier tour de la compétition appelée « les Petits Tigres », dans la salle du COSEC.",
        "Les associations représentées sont les associations dites du « groupe des onze ».",
        "Ce réseau, appelé « réseau traditionnel », doit traiter l'administration.",
    ] {
        let s = run(text);
        assert_ne!(s[0].label, Label::Attributed, "{text}: {:?}", s[0].flags);
        assert!(!s[0].flags.contains(&Flag::QuoteCredited), "{text}");
    }
}

/// Made-up English paragraphs of at least the identifier's minimum length.
const ENGLISH: [&str; 3] = [
    "The convoy reportedly left the besieged city with hundreds of fighters and their weapons.",
    "Did the coalition know about the secret deal before it was signed by the commanders?",
    "Witnesses told reporters that the trucks were full of fighters and their families.",
];

#[test]
fn a_passage_in_another_language_inside_a_french_article_is_read_as_a_quotation() {
    let text = format!(
        "Le convoi a quitté Raqqa dans la nuit.\n\nLes avions survolaient la ville depuis le matin.\n\nLes camions étaient chargés d'armes.\n\n{}\n\n{}\n\nLa coalition n'a pas bombardé le convoi.",
        ENGLISH[0], ENGLISH[1]
    );
    let s = run(&text);
    let en = s.iter().find(|s| s.text.starts_with("The convoy")).unwrap();
    assert_eq!((en.voice, en.label, en.base, en.points), (Voice::Quoted, Label::Asserted, Some(35), Some(35)), "{en:?}");
    assert!(en.excluded.is_none() && en.markers.is_empty(), "{en:?}");
    assert_eq!(en.other_language.as_ref().map(|o| o.language.as_str()), Some("eng"));
    assert!(en.flags.contains(&Flag::Quoted));
    // A question in the passage asserts nothing, in any language.
    let q = s.iter().find(|s| s.text.starts_with("Did the")).unwrap();
    assert_eq!((q.voice, q.label, q.not_claim), (Voice::Quoted, Label::None, Some(hedge::classify::NotClaim::Question)));
    // The French sentences are untouched.
    assert!(s.iter().filter(|s| s.other_language.is_none()).all(|s| s.voice == Voice::Own && s.label == Label::Asserted));
}

#[test]
fn an_article_mostly_in_another_language_is_not_analysed() {
    // Three English paragraphs, one French: the French lexicon reads nothing of the rest.
    let text = format!("Le convoi a quitté Raqqa dans la nuit.\n\n{}\n\n{}\n\n{}", ENGLISH[0], ENGLISH[1], ENGLISH[2]);
    let s = run(&text);
    let en: Vec<&SentenceScore> = s.iter().filter(|s| !s.text.starts_with("Le convoi")).collect();
    assert_eq!(en.len(), 3);
    for s in en {
        assert!(matches!(s.excluded, Some(hedge::classify::Excluded::Language { .. })), "{s:?}");
        assert_eq!((s.voice, s.label, s.points, s.other_language.is_none()), (Voice::Own, Label::None, None, true));
    }
}

#[test]
fn doubted_certainty_is_a_hedge_and_a_naive_surprise_a_booster() {
    // Seed 002: the doubt governs the clause; « tout à fait » inside it is a degree, and the
    // hedge wins by precedence.
    let s = run("Il n’est d’ailleurs pas certain qu’ils aient eu tout à fait leur mot à dire.");
    assert_eq!(s[0].label, Label::Hedged, "{:?}", s[0].markers);
    assert!(s[0].markers.iter().any(|m| m.id == "hedge.modal.il-n-est-pas-certain"));
    // Seed 002: « il serait naïf de » is an attenuation conditional (no hedge) that insists.
    let s =
        run("Les Américains voulaient une victoire de prestige à moindre frais et il serait assez naïf d’être surpris par une telle négociation.");
    assert_eq!(s[0].label, Label::Boosted, "{:?}", s[0].markers);
    let s = run("Il était naïf de sa part de signer ce contrat sans le lire.");
    assert_eq!(s[0].label, Label::Asserted, "{:?}", s[0].markers);
}

#[test]
fn a_sentence_that_only_announces_what_follows_with_a_colon_is_not_a_claim() {
    use hedge::classify::NotClaim;
    // Seed 003 and 004: the reporting verb right before the colon (alone or with « que »),
    // a presentative « voici »; what they announce is in the next sentence.
    for t in [
        "Asia News précise :\n\n« Le convoi est passé sans encombre. »",
        "Les responsables étasuniens ont toutefois admis que :\n\n« ce qui devait être une évacuation limitée a échappé à tout contrôle. »",
        "Voici les détails de l’accord de cessez-le-feu :\n\nLes combattants partent sans armes.",
    ] {
        let s = run(t);
        assert_eq!((s[0].label, s[0].not_claim), (Label::None, Some(NotClaim::Announces)), "{t}");
        assert_ne!(s[1].label, Label::None, "{t}");
    }
    // It already says something before the colon: a claim.
    for (t, label) in [
        ("L’agence de presse Asia News confirme la nouvelle :\n\nLe convoi est passé.", Label::Attributed),
        ("Le bilan est lourd : cinquante morts dans la nuit.", Label::Asserted),
        ("Le ministère a publié un long communiqué :\n\nLe convoi est passé.", Label::Attributed),
    ] {
        assert_eq!(run(t)[0].label, label, "{t}");
    }
}

/// `[evidence]` of scoring.toml: the subject of « montrer », « démontrer », « prouver »,
/// « révéler » is a source or a fact. A fact (a demonstrative, a phrase of common nouns) is the
/// writer's own conclusion: the verb is not counted and the sentence keeps the writer's voice.
/// Every sentence is modelled on one met in the genre data or the UD French text.
#[test]
fn a_fact_that_shows_is_the_writers_conclusion_not_a_source() {
    for text in [
        "Ce cercle vicieux démontre que la liberté de tous est en jeu.",
        "Cela démontrait que les mesures écologiques ne sont pas toujours sociales.",
        "Un calcul très simple démontre qu'une minorité peut devenir majoritaire.",
        "En effet, tous les indicateurs montrent que ces épisodes deviendront plus fréquents.",
        "Les participants étaient surtout des policiers, ce qui montrait que la priorité était la coopération.",
        "Le soutien faiblit, au moment même où les réalités sur le terrain montrent que l'ordre ancien ne tiendra pas.",
        "La stabilité de la solution a été démontrée pendant 24 heures.",
        "Il faut compter avec la peur du virus, ce dont témoigne encore le port du masque.",
        // An infinitive of saying after a verb of means or cause ([evidence].means_verbs).
        "L'opinion soutient le projet, ce qui contribue à expliquer pourquoi Washington a changé d'approche.",
        "Et cette visite éclair avant le sommet tend à le confirmer.",
        // « rappeler » with a fact for subject, past an object « nous » (UD, genre data).
        "Ces événements nous rappellent que nous ne pouvons croire que la sécurité des transports est garantie d'office.",
        "Plus précoces, plus intenses, ces épisodes nous rappellent toujours plus à notre fragilité.",
        // « indiquer » as a sign (UD GSD, session 20); a present participle's subject is the
        // noun phrase right before it, even after « et » (UD Sequoia, dev-4).
        "Ce champ indique la plupart du temps la validité de la donnée.",
        "L'automobile est invisible depuis la rue et les traces indiquant la sortie de route sont discrètes.",
    ] {
        let s = run(text);
        assert_eq!(s[0].label, Label::Asserted, "{text}: {:?}", s[0].markers);
        assert!(s[0].flags.contains(&Flag::Evidence), "{text}: {:?}", s[0].flags);
        assert!(s[0].markers.iter().any(|m| !m.counted), "{text}");
    }
    // A source: a name, a person, a body, a medium, a document; a speech tag after a quotation;
    // a passive with its agent; a subject cut by a coordination (its start is unknown).
    for text in [
        "Un excellent rapport de la BBC montre que la vérité est différente.",
        "L'Insee révèle que cette nouvelle version a été modifiée.",
        "Les chercheurs ont démontré que le traitement est efficace.",
        "Un ancien employé a révélé que les comptes étaient faux.",
        "L'instruction a révélé l'existence d'une lettre signée du maire.",
        "Comme le révèle un article de la BBC, la coalition a laissé faire.",
        "« Le bilan est de 15 millions de morts », a révélé l'organisation.",
        "C'est une affaire politique révélée par Le Canard enchaîné en 1979.",
        "Une enquête menée dans des ports belges, finnois et japonais a révélé que la moitié des conteneurs étaient mal déchargés.",
        "Mais la vérité serait différente, montre un rapport de Quentin Somerville.",
        "Une jeune femme témoigne devant le congrès américain.",
        "Le ministère indique que le budget sera tenu.",
        "Le site est fermé et un communiqué indiquant que les travaux dureront un mois a été publié.",
        "« Le bilan est lourd », indique la préfecture.",
        // A verb whose subject is someone governs the infinitive: the subject stays a source.
        "Certains militants n'hésitent pas à affirmer que le capitalisme est leur allié.",
        "Le ministre est venu annoncer hier le passage au niveau deux.",
        "Ce rapport tend à confirmer que la coalition a laissé faire.",
        // An infinitive's subject is not the phrase before it (UD: « non sans rappeler »).
        "M. Dumez, président du conseil général, a parlé d'une réussite, non sans rappeler le rôle primordial de l'éducation familiale.",
    ] {
        let s = run(text);
        assert!(!s[0].flags.contains(&Flag::Evidence), "{text}: {:?}", s[0].flags);
        assert!(s[0].label == Label::Attributed || s[0].voice == Voice::Quoted, "{text}: {:?} {:?}", s[0].label, s[0].markers);
    }
}

/// `claims.verb_clitics` of scoring.toml: a verb form that the dictionary also knows as a noun
/// (« signe », « applique », « joue ») is the verb after a pronoun; the sentence is a claim, not
/// « no verb ». Measured on the UD French text against its gold `VerbForm=Fin`: sentences with a
/// finite verb taken for verbless fell from 118 to 58, none of the verbless ones changed.
/// Sentences modelled on UD ones; the verbless ones keep their `no_verb`.
#[test]
fn a_verb_that_is_also_a_noun_is_the_verb_after_a_pronoun() {
    for text in [
        "Il signe en juin au club de Dijon.",
        "Puis elle tente de soulever les régions restées fidèles.",
        "On ne dispose d'aucune expérience d'intoxication aiguë.",
        "Le contrat s'applique pendant toute la durée de la protection.",
        "Voilà deux chantiers auxquels je lui demande de nous associer.",
        // After a name.
        "Dans la jungle, Tarzan règne en maître sur son domaine.",
        "Depuis lundi, la France dispose de 110 000 places d'hébergement.",
    ] {
        let s = run(text);
        assert_eq!(s[0].not_claim, None, "{text}");
        assert_eq!(s[0].label, Label::Asserted, "{text}");
        assert!(!s[0].flags.contains(&Flag::Nominal), "{text}");
    }
    for text in [
        "Le signe de la victoire en pleine rue.",
        "Une applique en laiton, en signe de bienvenue.",
        // A capitalised form is a title or a heading, not a verb.
        "Le Monde, édition du 20 juillet 2000.",
    ] {
        // No verb found: a whole sentence stays a claim, flagged `nominal` (see below).
        let s = run(text);
        assert!(s[0].not_claim == Some(NotClaim::NoVerb) || s[0].flags.contains(&Flag::Nominal), "{text}");
    }
}

/// `[manner]` of scoring.toml: « selon » or « d'après » attached without a comma to the word
/// before it, with a phrase after it that names neither a source nor figures, means "in
/// accordance with, depending on": no source (flag `manner`, marker not counted). Detached
/// (sentence start, comma, conjunction), or followed by a name, a person, a body, a medium, a
/// document, figures or « laquelle », it stays a source. Sentences modelled on ones of the UD
/// French text (licences, medicine, encyclopedia) and of the genre news.
#[test]
fn selon_attached_to_a_verb_without_a_speaker_means_in_accordance_with() {
    for text in [
        "Le médicament est administré selon les recommandations applicables aux adultes.",
        "Toute utilisation autrement qu'explicitement autorisée selon ce contrat est interdite.",
        "Cette demande aurait dû être introduite selon les formes prévues par le règlement.",
        "Les sphères privée et publique se définissent selon la société de chaque époque.",
        "Nul ne sera condamné pour un acte qui n'était pas un délit d'après le droit national.",
        "Les habitants veulent vivre dans un pays qu'ils aiment selon des lois qu'ils ont choisies.",
    ] {
        let s = run(text);
        assert_ne!(s[0].label, Label::Attributed, "{text}: {:?}", s[0].markers);
        assert!(s[0].flags.contains(&Flag::Manner), "{text}: {:?}", s[0].flags);
        assert!(s[0].markers.iter().any(|m| m.id == "attribution.source.selon" || m.id == "attribution.source.d-apres"), "{text}");
        assert!(s[0].markers.iter().all(|m| !m.counted), "{text}");
    }
    for text in [
        "Selon les termes de l'accord, les combattants quitteront la ville.",
        "Le bilan est déplorable selon l'ONG.",
        "Le radeau aurait à peu près la taille du Brésil selon l'équipe.",
        "Le chômage a baissé de deux points selon les chiffres officiels.",
        "Le gouvernement a répété son affirmation selon laquelle l'armée se retire.",
        "Le président aurait selon plusieurs sources payé la rançon.",
        "La ville est tombée, et selon le texte signé la veille les combattants partiront.",
        "Le village a été bombardé selon eux dans la nuit.",
        // A verb of change before it is no "depending on" (review, session 24).
        "La situation a changé selon lui.",
        "Les versions des témoins diffèrent selon les enquêteurs.",
    ] {
        let s = run(text);
        assert!(!s[0].flags.contains(&Flag::Manner), "{text}: {:?}", s[0].flags);
        assert_eq!(s[0].label, Label::Attributed, "{text}: {:?}", s[0].markers);
    }
}

/// An instruction or appeal to the reader is not a claim (seed-gold guidelines: « calls to
/// action »): the first finite verb is a 2nd-person-plural imperative opening its clause. A
/// « vous » subject, an inversion, a « que » or a clause of its own after it keep the claim.
#[test]
fn an_instruction_to_the_reader_is_not_a_claim() {
    use hedge::classify::NotClaim;
    for text in [
        "Pour lire tout le reportage de la BBC, cliquez ici sur le lien.",
        "Ne divulguez votre mot de passe à personne.",
        "Pensez cependant à réserver une semaine à l'avance.",
        "Gardez cette notice, vous pourriez avoir besoin de la relire.",
    ] {
        let s = run(text);
        assert_eq!(s[0].not_claim, Some(NotClaim::CallToAction), "{text}: {:?}", s[0].label);
        assert_eq!(s[0].label, Label::None, "{text}");
    }
    for text in [
        "Vous pensez que tout va bien, mais rien ne va.",
        "Allez-vous hausser les épaules et dire que ce n'est pas votre faute.",
        "Notez que le budget a été voté en décembre.",
        "Ajoutez la fin du système à cette crise, et le capitalisme sera remplacé par autre chose.",
        "Pensez donc, il commercialisait des livres !",
        "Le contrat vaut pour des œuvres dites dérivées par tout procédé.",
    ] {
        let s = run(text);
        assert_ne!(s[0].not_claim, Some(NotClaim::CallToAction), "{text}");
    }
}

#[test]
fn a_prescription_is_not_a_claim_but_a_litotes_or_a_que_clause_is() {
    use hedge::classify::NotClaim;
    // The seed gold's « Il faut encourager Lavrov… » (NONE: a call to action) and its kind.
    for text in [
        "Il faut encourager Lavrov à faire barrage avec son patron Vladimir.",
        "Il faut les entendre, et leur parler.",
        "Il eût fallu leur parler leur langage.",
        "Mais il faudra défendre nos droits dans la rue.",
        // « nous / vous » + devoir + infinitive (UD Europarl, a medical leaflet).
        "Nous devons mettre un terme à ses agissements.",
        "Vous ne devez pas recevoir ce médicament si vous allaitez.",
        // An obligation in the passive, the sentence's first verb (the seed gold's NONE).
        "Les terroristes doivent être détruits à vue et non poursuivis d'un pays à l'autre.",
        "Une note de droit d'auteur doit également être indiquée.",
        "Nous devrions prendre cela au sérieux.",
        // « il faut que » (news dev-2's NONE « Il faut que l'on reste solidaires »), a wish (the
        // seed gold's NONE « Nous espérons que nos partenaires… »).
        "Il faut que l'on reste solidaires.",
        "Nous espérons que la commission traitera des points liés à l'additionnalité.",
        "Je souhaite que les sanctions disparaissent pour éviter un blackout.",
        // « il est » + an adjective of necessity + « de » + infinitive (news dev-2's NONE « Il est
        // par ailleurs essentiel de réfléchir… », UD Europarl and a medical leaflet).
        "Il est par ailleurs essentiel de réfléchir à l'impact de ce bouclier sur la planète.",
        "Il est particulièrement important de faire participer les PME à cette élaboration.",
        "Il serait urgent d'agir contre la pollution des rivières.",
    ] {
        let s = run(text);
        assert_eq!((s[0].label, s[0].not_claim), (Label::None, Some(NotClaim::Prescription)), "{text}");
    }
    for text in [
        // Litotes: it asserts (the seed gold's « Il ne faudra pas s'étonner… » is BOOSTED).
        "Il ne faut pas sous-estimer la part du covid dans ce vote.",
        // What follows « que » is stated.
        "Il faut savoir que l'Insee mène son enquête auprès de 110 000 personnes.",
        "Il est important de noter que la mortalité a surtout concerné les plus âgés.",
        // Not an adjective of necessity, or not « de » + infinitive.
        "Il est difficile de savoir combien de combattants ont quitté la ville.",
        "Il est important pour la région que le convoi soit parti.",
        "Il est nécessaire aux yeux des enquêteurs.",
        // A clause of its own after it.
        "Il faut dire que le convoi est parti de Raqqa hier soir.",
        "Il faut du temps pour reconstruire la ville.",
        "Il fallait partir, et les civils sont restés dans la ville.",
        // « devoir » without an infinitive (to owe), of a third person (scheduled), in a
        // conditional sentence, or after another verb.
        "Nous devons à Nelson Mandela un respect tout autre.",
        "Le président doit se rendre à Paris demain pour le sommet.",
        "Si l'ACT est inférieur à 225 secondes, un second bolus doit être administré.",
        "Les démocrates sont obéissants tandis que les dictateurs doivent être renversés.",
        // In the past it tells what it took; a wish followed by a clause of its own.
        "Il fallait donc que 2,5 millions de personnes quittent leur pays pour que le sujet disparaisse.",
        "J'espère qu'on n'en arrivera pas là, mais Vladimir Poutine a fait savoir qu'il s'agissait d'un combat existentiel.",
    ] {
        let s = run(text);
        assert_ne!(s[0].not_claim, Some(NotClaim::Prescription), "{text}");
        assert_ne!(s[0].label, Label::None, "{text}");
    }
    // « il est » and nothing after the skipped words (this once read past the last word).
    for text in ["Il est bien encore.", "Il sera donc aussi"] {
        assert_ne!(run(text)[0].not_claim, Some(NotClaim::Prescription), "{text}");
    }
}

/// A quotation opened right after a determiner, with no finite verb inside, names a thing (a
/// title, a slogan, a label): its sentence keeps the writer's voice. With a finite verb it is
/// speech worked into the sentence, and the sentence stays quoted.
#[test]
fn a_quoted_title_after_a_determiner_does_not_make_the_voice_quoted() {
    for text in [
        "L'Union européenne a donc édicté un « Guide d'inspiration pour célébrer le mois européen de la diversité ».",
        "Le « Build Back Better » s'est transformé en « Break Back Faster ».",
    ] {
        let s = run(text);
        assert_eq!((s[0].voice, s[0].label), (Voice::Own, Label::Asserted), "{text}");
    }
    for text in [
        // A finite verb inside: the G7's words.
        "Le G7 a aussi réitéré son « appel pressant à la Russie pour qu'elle mette fin au blocus des ports ».",
        // No determiner before it.
        "Il a répondu : « Nous ne céderons jamais devant la menace des terroristes ».",
    ] {
        let s = run(text);
        assert_eq!(s[0].voice, Voice::Quoted, "{text}");
    }
}

/// `[rejected]` of scoring.toml: a report inside a phrase that sets it aside (« contrairement à »,
/// « malgré », « en dépit de ») credits nothing: the writer asserts the opposite. Sentences from
/// the seed gold (000, ASSERTED) and the news gold (dev-2, ASSERTED).
#[test]
fn a_report_set_aside_is_not_a_source() {
    for text in [
        "Contrairement à ce qui a été dit, les djihadistes étaient armés et équipés lors de leur fuite.",
        "Malgré les affirmations occidentales selon lesquelles la Russie a subi des pertes catastrophiques, aucune preuve ne vient étayer cette affirmation.",
        "Contrairement aux affirmations du GIEC selon lesquelles les concentrations de CO2 persistent, le dioxyde de carbone est recyclé par la Terre.",
    ] {
        let s = run(text);
        assert_eq!(s[0].label, Label::Asserted, "{text}: {:?}", s[0].markers);
        assert!(s[0].flags.contains(&Flag::Rejected), "{text}: {:?}", s[0].flags);
    }
    for text in [
        // The report is outside the phrase: after a comma, or past a coordination.
        "Malgré la pluie, le ministre a déclaré que le convoi était parti.",
        "Le ministre est venu malgré la pluie et a déclaré que le convoi était parti.",
        "Le président a réitéré sa position selon laquelle toute discussion deviendra impossible.",
    ] {
        let s = run(text);
        assert_eq!(s[0].label, Label::Attributed, "{text}");
        assert!(!s[0].flags.contains(&Flag::Rejected), "{text}");
    }
}

/// `[potential]` of scoring.toml: a reporting verb in the infinitive after « peut », « doit »,
/// « va »… is a speech that can, must or will happen, not a report (session 16; sentences from
/// the news dev-2 gold, ASSERTED or BOOSTED there, and from UD French).
#[test]
fn a_speech_that_can_or_must_happen_is_not_a_source() {
    for text in [
        "Il existe des preuves que le CO2 n'est pas un polluant, et tout exploitant de serre peut le confirmer.",
        "Des diminutions inexpliquées de l'hématocrite peuvent indiquer une hémorragie.",
        "Ces normes devraient indiquer clairement le lien entre leurs dispositions et les exigences visées.",
        "Ce sont autant d'éléments qui doivent confirmer l'élan de reprise.",
    ] {
        let s = run(text);
        assert_ne!(s[0].label, Label::Attributed, "{text}: {:?}", s[0].markers);
        assert!(s[0].flags.contains(&Flag::Potential), "{text}: {:?}", s[0].flags);
    }
    for text in [
        // Said: a past of « pouvoir », an inflected verb, a modal that governs nothing.
        "Le porte-parole a pu confirmer que le convoi était parti.",
        "Le ministre peut être content : il a confirmé que le convoi était parti.",
        "Le ministère a confirmé que le convoi pouvait partir.",
        // A narrative imperfect tells of a speech that took place (ASFALDA, annodis).
        "Cette exposition, comme devait le conclure Roger Thiriot, n'a d'autre ambition que de témoigner du passé.",
    ] {
        let s = run(text);
        assert_eq!(s[0].label, Label::Attributed, "{text}: {:?}", s[0].markers);
        assert!(!s[0].flags.contains(&Flag::Potential), "{text}");
    }
}

/// `hypothesis` of `[potential]` in scoring.toml: a reporting verb in a clause opened by « si »
/// supposes or asks about a speech, it reports none (session 19; sentences from the news dev-3
/// gold, ASSERTED there, and from UD French).
#[test]
fn a_speech_supposed_by_si_is_not_a_source() {
    for text in [
        "Si l'on considère que les États-Unis ont appelé à une solution diplomatique, ce n'est pas le geste le plus unificateur.",
        "Si Biden pensait pouvoir intimider le dirigeant de la troisième économie du monde, il s'est trompé.",
        "L'audience sera courte s'il plaide coupable.",
        "Si un État membre estime nécessaire de maintenir des dispositions nationales, il les notifie à la Commission.",
    ] {
        let s = run(text);
        assert_ne!(s[0].label, Label::Attributed, "{text}: {:?}", s[0].markers);
        assert!(s[0].flags.contains(&Flag::Potential), "{text}: {:?}", s[0].flags);
    }
    for text in [
        // A concession grants that the speech took place; the « si » of degree opens no clause;
        // a « que » clause after the hypothesis is another clause.
        "Même s'il affirme que le convoi est parti, rien ne le prouve.",
        "Le ministre a si bien expliqué la réforme que personne ne l'a contestée.",
        "Le ministre a répété que la réforme passerait, si bien que personne n'a protesté.",
    ] {
        let s = run(text);
        assert_eq!(s[0].label, Label::Attributed, "{text}: {:?}", s[0].markers);
        assert!(!s[0].flags.contains(&Flag::Potential), "{text}");
    }
}

/// A whole body sentence in which no finite verb is found (a nominal sentence, or a verb the
/// dictionary also reads as a noun) stays a claim, flagged `nominal`; so does a heading in two
/// parts (« Grèce : 80 km de clôture… »); other headings and short pieces stay out (news gold
/// dev-2 and the seed gold: 13 such sentences, all claims).
#[test]
fn a_whole_sentence_without_a_verb_found_is_still_a_claim() {
    for text in [
        "Les chiffres sont tombés hier. Coup de tonnerre politique en Italie.",
        "Les chiffres sont tombés hier. Soit une progression de 31 % au cours des sept derniers jours.",
        "Les chiffres sont tombés hier. Une forme de retraite organisée pour économiser des vies des deux côtés.",
    ] {
        let s = run(text);
        assert_eq!(s[1].label, Label::Asserted, "{text}: {:?}", s[1].not_claim);
        assert!(s[1].flags.contains(&Flag::Nominal), "{text}");
    }
    // A heading in two parts, topic then comment after a colon, says something of its topic
    // (news gold: 20 of the 33 verbless headlines are claims, 16 of 21 in the held-out sets).
    for text in [
        "Les chiffres sont tombés hier.\n\nGrèce : 80 km de clôture supplémentaires face à la Turquie\n\nLe mur sera prolongé.",
        "Les chiffres sont tombés hier.\n\nCovid-19 : une France sans cap ni boussole face à la vague\n\nLe mur sera prolongé.",
    ] {
        let s = run(text);
        assert_eq!(s[1].label, Label::Asserted, "{text}: {:?}", s[1].not_claim);
        assert!(s[1].flags.contains(&Flag::Nominal), "{text}");
    }
    for text in [
        // Too short, or no full stop and no comment after a colon (a topic heading).
        "Les chiffres sont tombés hier. Et leur férocité.",
        "Les chiffres sont tombés hier.\n\nPlan de relance et pression migratoire\n\nLe mur sera prolongé.",
        // A colon that only announces, a comment too short, a web address, a page's field.
        "Les chiffres sont tombés hier.\n\nDu déjà vu :\n\nLe mur sera prolongé.",
        "Les chiffres sont tombés hier.\n\nGrèce : le mur\n\nLe mur sera prolongé.",
        "Les chiffres sont tombés hier.\n\nAu menu ce soir chez les actionnaires : https://t.co/5uCpI1RRdY\n\nLe mur sera prolongé.",
        "Les chiffres sont tombés hier.\n\nRégion : Moyen-Orient et Afrique du Nord\n\nLe mur sera prolongé.",
    ] {
        let s = run(text);
        assert_eq!(s[1].label, Label::None, "{text}");
        assert!(!s[1].flags.contains(&Flag::Nominal), "{text}");
    }
}

/// A run that hands out no sentence (`compare` without `--html`, `--sources` or `--facts`) does
/// not look for the sentences' sources (`classify_document(.., false)`, issue 18): on every seed,
/// every field but `source` is the same, and the seeds' attributed claims do have sources to skip.
#[test]
fn without_sources_only_the_source_field_differs() {
    use hedge::classify::classify_document;
    let lex = Lexicon::embedded().unwrap();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> =
        std::fs::read_dir(&seeds).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    assert_eq!(files.len(), 5);
    let mut skipped = 0;
    for f in files {
        let doc = extract("t", "t", std::fs::read_to_string(&f).unwrap());
        let seg = hedge::segment::segment_blocks(&doc.text, &lex.rules.segmentation, &doc.blocks);
        let matched = hedge::matcher::match_document(&doc.text, &seg, &lex);
        let (with, quotes_with) = classify_document(&doc.text, &seg, &matched, &lex, &lex.rules, true);
        let (without, quotes_without) = classify_document(&doc.text, &seg, &matched, &lex, &lex.rules, false);
        assert_eq!(serde_json::to_string(&quotes_with).unwrap(), serde_json::to_string(&quotes_without).unwrap());
        assert_eq!(with.len(), without.len());
        for (a, b) in with.iter().zip(&without) {
            assert!(b.source.is_none());
            skipped += a.source.is_some() as usize;
            let mut a = a.clone();
            a.source = None;
            assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(b).unwrap(), "{}", a.text);
        }
    }
    assert!(skipped > 40, "{skipped} sources");
}
