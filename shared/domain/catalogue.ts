/**
 * The seeded catalogue of Dynamsoft products (docs/domain-notes.md §6). Users can add their own products; these
 * rows are inserted by migration and marked built-in. `aliases` are lowercase fragments that identify
 * the product inside a portal "License Item" / product sale name.
 */
export interface CatalogueProduct {
  code: string;
  name: string;
  editions: string[];
  aliases: string[];
}

export const PRODUCT_CATALOGUE: readonly CatalogueProduct[] = [
  {
    code: 'DWT',
    name: 'Dynamic Web TWAIN',
    editions: ['Core Module', 'Service Edition Core Module', 'Barcode Reader Add-on', 'Webcam Capture Add-on', 'PDF Rasterizer Add-on', 'OCR Add-on'],
    aliases: ['dynamic web twain', 'dwt'],
  },
  {
    code: 'DBR',
    name: 'Dynamsoft Barcode Reader',
    editions: ['JavaScript Edition', 'Mobile Edition', 'Windows/Linux/Mac Edition', 'Embedded Edition'],
    aliases: ['dynamsoft barcode reader', 'barcode reader', 'dbr'],
  },
  { code: 'DCV', name: 'Dynamsoft Capture Vision', editions: ['JavaScript Edition', 'Mobile Edition', 'Server Edition'], aliases: ['capture vision', 'dcv'] },
  { code: 'DLR', name: 'Dynamsoft Label Recognizer', editions: ['JavaScript Edition', 'Mobile Edition', 'Windows/Linux Edition'], aliases: ['label recognizer', 'dlr'] },
  { code: 'DDN', name: 'Dynamsoft Document Normalizer', editions: ['JavaScript Edition', 'Mobile Edition', 'Windows/Linux Edition'], aliases: ['document normalizer', 'ddn'] },
  { code: 'DCE', name: 'Dynamsoft Camera Enhancer', editions: ['JavaScript Edition', 'Mobile Edition'], aliases: ['camera enhancer', 'dce'] },
  { code: 'DCP', name: 'Dynamsoft Code Parser', editions: ['JavaScript Edition', 'Mobile Edition', 'Windows/Linux Edition'], aliases: ['code parser', 'dcp'] },
  { code: 'MRZ', name: 'Dynamsoft MRZ Scanner', editions: ['JavaScript Edition', 'Mobile Edition'], aliases: ['mrz scanner', 'mrz'] },
  { code: 'MDS', name: 'Dynamsoft Mobile Document Scanner', editions: ['JavaScript Edition', 'Mobile Edition'], aliases: ['mobile document scanner', 'mobile web capture', 'document scanner'] },
  { code: 'BBS', name: 'Dynamsoft Batch Barcode Scanner', editions: ['Mobile Edition'], aliases: ['batch barcode scanner'] },
  { code: 'DDV', name: 'Dynamsoft Document Viewer', editions: ['JavaScript Edition'], aliases: ['document viewer', 'ddv'] },
  { code: 'DNT', name: 'Dynamic .NET TWAIN', editions: ['Standard Edition'], aliases: ['dynamic .net twain', 'dotnet twain', 'dnt'] },
  { code: 'DPS', name: 'Dynamsoft Panorama', editions: [], aliases: ['panorama'] },
];
