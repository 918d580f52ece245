// Stub for jest: office-addin-mock imports office-addin-manifest only for its OfficeApp
// enum (the real package pulls ESM-only dependencies that jest cannot load). An empty
// object is not enough: the mock reads OfficeApp.Outlook on every load().
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};
