

export const PRECEDENCE_WORDS = new Set(['IMMEDIATE', 'PRIORITY', 'ROUTINE', 'FLASH']);

export const CAPTION_WORDS: Record<string, string> = {
  SIPDIS: 'SIPDIS',
  NOFORN: 'NOFORN',
  NODIS: 'NODIS',
  EXDIS: 'EXDIS',
  LIMDIS: 'LIMDIS',
  STADIS: 'STADIS',
  SENSITIVE: 'SENSITIVE',
  SPECAT: 'SPECAT',
  EXCLUSIVE: 'SPECAT EXCLUSIVE',
  CHEROKEE: 'CHEROKEE',
  DIRGEN: 'DIRGEN',
  CODEL: 'CODEL',
};

export const CAPTION_KEYS = Object.keys(CAPTION_WORDS);

export const CAPTION_WORD_MAX = Math.max(...CAPTION_KEYS.map((k) => k.length));
