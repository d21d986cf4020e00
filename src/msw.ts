/** MSW handlers arrive with their own issue; this entry point exists so the export map is stable. */
export {};
