/** The common species in Spanish, by SNOMED CT code (see species.ts): in the Spanish packs only. */
export const speciesWordsEs: Record<string, string> = { '448771007': 'Perro', '448169003': 'Gato', '35354009': 'Caballo', '388445009': 'Caballo', '85626006': 'Burro', '34618005': 'Vaca', '125097000': 'Cabra', '125099002': 'Oveja' };
