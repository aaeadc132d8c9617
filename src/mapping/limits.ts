/**
 * How big a source may be. The sidebar sends a file to Apps Script as one string, and Apps Script holds the whole
 * table in memory within its 6-minute limit; 10 MB is about 60,000 rows of a wide HR export, far more than the
 * 2,000 users of a large project, and far below what makes a sidebar hang (a 50 MB upload does).
 */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

export const MAX_SOURCE_LABEL = "10 MB";
