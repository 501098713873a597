// The 17 UN Sustainable Development Goals; their official short names are UI strings (sdgs.names).

export const SDGS: readonly number[] = Array.from({ length: 17 }, (_, index) => index + 1);
