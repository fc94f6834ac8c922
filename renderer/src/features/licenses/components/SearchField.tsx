import { SearchBox } from '../../../components/SearchBox';
import { updateListQuery } from '../list-route';

export const SEARCH_FIELD_ID = 'license-search';

const onChange = (search: string) => updateListQuery({ search });

/** The list's search text, in the route; the list coalesces the queries it sends while typing. */
export function SearchField({ value }: { value: string }) {
  return <SearchBox id={SEARCH_FIELD_ID} label="Search licenses" value={value} onChange={onChange} width={220} />;
}
