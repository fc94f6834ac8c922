import { useCallback } from 'react';
import { SearchBox } from '../../../components/SearchBox';
import { searchList } from '../useLicenseList';

export const SEARCH_FIELD_ID = 'license-search';

/** The list's search text, in the route; the list coalesces the queries it sends while typing. */
export function SearchField({ value, asOf }: { value: string; asOf: string }) {
  const onChange = useCallback((search: string) => searchList(search, asOf), [asOf]);
  return <SearchBox id={SEARCH_FIELD_ID} label="Search licenses" value={value} onChange={onChange} width={220} />;
}
