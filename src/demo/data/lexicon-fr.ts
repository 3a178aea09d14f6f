import type { EscortLexicon, RecruitmentLexicon } from './lexicon-types.ts';

export const FR: EscortLexicon = {
  names: [
    'Léa', 'Jade', 'Inès', 'Chloé', 'Manon', 'Camille', 'Sarah', 'Yasmine', 'Lina', 'Emma', 'Nina', 'Kenza',
    'Maëlys', 'Océane', 'Anaïs', 'Clara', 'Eva', 'Julia', 'Luna', 'Maya', 'Nora', 'Zoé', 'Lola', 'Jessica',
    'Mélissa', 'Sofia', 'Bianca', 'Alexia', 'Ambre', 'Capucine', 'Elsa', 'Fanny', 'Gabrielle', 'Héloïse', 'Iris',
    'Jasmine', 'Kim', 'Laura', 'Marine', 'Naomi', 'Ophélie', 'Pauline', 'Romane', 'Sabrina', 'Tiffany', 'Vanessa',
    'Wendy', 'Yuna', 'Aïcha', 'Samira', 'Leïla', 'Dounia', 'Shana', 'Kelly', 'Cindy', 'Mélanie', 'Noémie', 'Lucie',
    'Amandine', 'Candice', 'Diane', 'Estelle', 'Farah', 'Giulia', 'Hanna', 'Ilona', 'Justine', 'Kessy', 'Louna',
    'Margaux', 'Nadia', 'Olivia', 'Priscilla', 'Rose', 'Salomé', 'Tania', 'Valentine', 'Victoria', 'Zina',
  ],
  titles: [
    '{name}, {age} ans, {city}', 'Massage relaxant à {city}', 'Rencontre agréable sur {city}', '{name} disponible',
    'Moment de détente - {city}', '{name} 💋 {city}', 'Douce {name} sur {city}', 'Compagnie agréable {city}',
    'Escort {city} - {name}', 'Belle rencontre à {city}', '{name}, charmante et discrète', 'Nouvelle sur {city} ✨',
    'Détente et complicité à {city}', '{city} : {name} vous attend', 'Massage bien-être {city}',
  ],
  titlesThird: [
    '{name} {age} ans dispo {city}', 'Nouvelle fille sur {city}', '{name} de passage à {city}', 'Jolie {name} sur {city}',
    '{city} - {name} disponible ce soir', '{name} nouvelle en ville', 'Belle {name}, {city}',
  ],
  greetFirst: [
    'Bonjour messieurs, je suis {name}.', 'Coucou, moi c\'est {name} 😘', 'Salut, je m\'appelle {name}.',
    'Bonsoir, {name} pour vous servir.', 'Hello, c\'est {name} !', 'Je suis {name}, ravie de faire votre connaissance.',
    'Enchantée, je me présente : {name}.', 'Bienvenue sur mon annonce, je suis {name}.', 'Hey messieurs, ici {name} 🌸',
    'Bonjour à tous, {name} de retour !', 'Je m\'appelle {name} et je vous accueille avec le sourire.',
  ],
  greetThird: [
    'Voici {name}, elle est nouvelle.', 'Nous vous présentons {name}.', '{name} est disponible pour vous.',
    'Elle s\'appelle {name}, elle vient d\'arriver.', 'Découvrez {name}, elle est charmante.',
    '{name} vous attend, elle est très douce.', 'Nouvelle arrivée : {name}, elle est là pour vous.',
    'Venez rencontrer {name}, elle est adorable.',
  ],
  describe: [
    'Jolie brune souriante et pétillante.', 'Blonde naturelle, douce et câline.', 'Métisse élégante au regard doux.',
    'Silhouette fine, toujours bien habillée.', 'Rousse pleine de charme.', 'Petite brune au caractère joyeux.',
    'Grande et élégante, toujours de bonne humeur.', 'Châtain aux yeux verts, très souriante.',
    'Naturelle et pleine de vie.', 'Charmante, discrète et attentionnée.', 'Peau douce et parfum délicat.',
    'Sportive et dynamique.', 'Style chic et décontracté.', 'Douceur et bonne humeur garanties.',
  ],
  offerFirst: [
    'Je propose des massages relaxants dans un cadre propre et discret.', 'Je vous offre un vrai moment de détente.',
    'Je vous accompagne pour vos dîners et soirées.', 'Rencontre tranquille autour d\'un verre pour commencer.',
    'Massage aux huiles chaudes pour vous détendre.', 'Je prends le temps, jamais pressée.',
    'Je vous propose une parenthèse de douceur.', 'Massage relaxant et moment complice.',
  ],
  offerThird: [
    'Elle propose des massages relaxants dans un cadre discret.', 'Elle vous offre un moment de détente.',
    'Elle accompagne pour dîners et soirées.', 'Elle prend son temps, jamais pressée.',
    'Massage relaxant proposé par {name}.', 'Elle saura vous mettre à l\'aise.',
  ],
  placeFirst: [
    'Je reçois dans un appartement calme à {city}.', 'Je me déplace à l\'hôtel sur {city}.',
    'Je reçois près de la gare de {city}.', 'Appartement privé et discret, {city} centre.',
    'Je reçois en privé sur {city}, parking facile.', 'Déplacement possible autour de {city}.',
  ],
  placeThird: [
    'Elle reçoit dans un appartement discret à {city}.', 'Elle se déplace à l\'hôtel sur {city}.',
    'Elle reçoit près de la gare de {city}.', 'Appartement discret à {city}, adresse par SMS.',
    'Disponible en appartement sur {city}.',
  ],
  movement: [
    'De passage à {city} pour quelques jours seulement !', 'Nouvelle en ville ✈️', 'Dernier jours à {city} !',
    'Juste de passage sur {city}, profitez-en.', 'Arrivée ce jour à {city} ✈️', 'Je pars bientôt, ne tardez pas.',
    'Présente sur {city} jusqu\'à {day}.', 'Première fois à {city}.',
  ],
  tour: [
    'Actuellement à {city}, ensuite {city2} puis {city3}.', 'Tournée : {city} cette semaine, {city2} la semaine prochaine.',
  ],
  hours: [
    'Disponible de 10h à 22h.', 'Dispo 7j/7 sur rendez-vous.', 'Disponible 24/7.', 'Du lundi au samedi de 11h à 23h.',
    'Uniquement sur rendez-vous, prévenir 30 min avant.', 'Dispo en journée et en soirée.', 'Disponible tard le soir.',
    'Ouvert le week-end.', 'Dispo dès 9h.',
  ],
  price: [
    '{p30} roses la demi-heure 🌹', 'Tarifs : 30 min {p30}€, 1h {p60}€.', '{p60}€ l\'heure.', 'À partir de {p30}€.',
    '{p30} 🌹 / 30 min - {p60} 🌹 / 1h', 'Cadeau : {p60} roses l\'heure.', 'Demi-heure {p30}€, heure {p60}€.',
  ],
  contactFirst: [
    'Appelez-moi au {phone}.', 'Contact : {phone}', 'SMS uniquement au {phone}.', 'Mon numéro : {phone}',
    'Pour me joindre : {phone}', 'Tél {phone}', 'Écris-moi au {phone} 📱', 'Réservation au {phone}',
    'Appel ou SMS {phone}', 'WhatsApp ou appel : {phone}',
  ],
  contactThird: [
    'Appeler pour elle au {phone}.', 'Contact pour {name} : {phone}', 'Réservation au {phone}, on vous répond vite.',
    'Pour la rencontrer, appelez le {phone}.', 'Numéro pour {name} : {phone}', 'SMS au {phone}, on organise tout.',
    'Contactez-nous au {phone}.',
  ],
  closing: [
    'Bisous 😘', 'À très vite !', 'Hygiène irréprochable exigée.', 'Respect et discrétion.', 'Pas de numéro masqué.',
    'Merci de rester courtois.', 'Au plaisir de vous rencontrer 💕', 'Messieurs respectueux uniquement.',
    'Pas de SMS inutiles svp.', 'Douche disponible.', '💋💋', 'Bonne journée à vous.',
  ],
  youth: [
    'Petite nouvelle 🍭', 'Tout juste majeure !', 'Toute jeune et timide.', '18+ 🔞 promis', 'Petite fraîche 🍒',
    'Je sors des cours vers 16h.', 'Lycéenne en vacances.', 'Nouvelle, 18 ans tout juste 💗', 'Bébé 🍭 dispo',
    'Fraîchement arrivée, toute jeune.',
  ],
  youngAdult: ['Jeune femme', 'Étudiante sympa.', 'Jeune et dynamique.', 'Étudiante le jour.', 'Jeune maman discrète.'],
  trust: [
    'Photos 100% réelles.', 'Vraie annonce, pas d\'arnaque.', 'Sérieuse et professionnelle.', 'Discrétion assurée.',
    'Avis vérifiés.', 'Réponse rapide et sérieuse.',
  ],
  independent: [
    'Indépendante, je gère tout moi-même.', 'Je travaille seule, sans intermédiaire.', 'Indépendante et libre.',
    'Pas d\'agence, c\'est moi qui réponds.',
  ],
  group: [
    'Nos filles sont disponibles toute la semaine.', 'Deux amies disponibles ensemble.', 'Plusieurs filles dispo, demandez.',
    'Elle est accompagnée de sa copine {name2}.', 'Nouvelles filles chaque semaine.',
  ],
  ageLine: ['{age} ans.', 'J\'ai {age} ans.', 'Âge : {age} ans', '{age}a', '{age} ans, pleine de vie.'],
  substitutions: [
    ['disponible', 'dispo'], ['appartement', 'appart'], ['discret', 'discrèt'], ['rendez-vous', 'rdv'],
    ['Appelez', 'Appeler'], ['messieurs', 'Messieurs'], ['très', 'trés'], ['vous', 'vs'], ['demi-heure', '1/2h'],
    ['heure', 'h'], ['seulement', 'uniquement'], ['Jolie', 'Belle'], ['douce', 'câline'], ['charmante', 'adorable'],
  ],
};

export const FR_RECRUIT: RecruitmentLexicon = {
  titles: [
    'On recrute des filles motivées 💰', 'Plans sous dispo', 'Job rapide bien payé', 'Recherche filles sérieuses',
    'Pack logement + sécurité', 'Gagne 1000€ par semaine', 'Opportunité sur {city}',
  ],
  lines: [
    'On recrute des filles motivées sur {city} et alentours.', 'Plans sous, pack logement + sécurité fournis.',
    'Gagne 1000€ par semaine facilement.', 'Hébergement fourni, chauffeur et sécurité.', 'Pas besoin d\'expérience.',
    'On s\'occupe des annonces et des clients.', 'Appart fourni, tu gardes 50%.', 'Discrétion totale, argent rapide.',
    'Tu bouges de ville en ville, tout est payé.', 'Ambiance sérieuse, on te protège.', 'Gagne {p60}€ par jour.',
    'Sugar baby bienvenues.', 'Places limitées, écris vite.',
  ],
  contact: ['Contact {handle}', 'Écris sur {handle}', 'Infos en privé : {handle}', 'Ajoute {handle}'],
};
