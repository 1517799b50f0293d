/**
 * The database itself refuses what docs/domain.md forbids, whatever the code above it does: a cell's working
 * capacity below the people in it (local occupants and housed transferees), and housing more people in
 * a cell than its working capacity. The housing check is deferred to commit, so an allocation that moves
 * people between full cells is judged on its result, not on the order of its moves.
 */
export const statements = [
  `CREATE FUNCTION cell_occupancy(cell uuid) RETURNS integer LANGUAGE sql STABLE AS $$
     SELECT c.local_occupants + (SELECT count(*)::integer FROM housing_assignments h WHERE h.cell_id = c.id AND h.ended_at IS NULL)
     FROM cells c WHERE c.id = cell
   $$`,
  `CREATE FUNCTION cells_capacity_not_below_occupancy() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE housed integer;
   BEGIN
     SELECT count(*) INTO housed FROM housing_assignments WHERE cell_id = NEW.id AND ended_at IS NULL;
     IF NEW.working_capacity < NEW.local_occupants + housed THEN
       RAISE EXCEPTION 'cell % would have working capacity %, below the % people in it', NEW.code, NEW.working_capacity, NEW.local_occupants + housed
         USING ERRCODE = 'check_violation';
     END IF;
     RETURN NEW;
   END
   $$`,
  `CREATE TRIGGER cells_capacity_not_below_occupancy BEFORE UPDATE ON cells
     FOR EACH ROW EXECUTE FUNCTION cells_capacity_not_below_occupancy()`,
  `CREATE FUNCTION housing_within_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE occupied integer; capacity integer; code text;
   BEGIN
     SELECT working_capacity, cells.code INTO capacity, code FROM cells WHERE id = NEW.cell_id;
     occupied := cell_occupancy(NEW.cell_id);
     IF occupied > capacity THEN
       RAISE EXCEPTION 'cell % would hold % people, over its working capacity of %', code, occupied, capacity
         USING ERRCODE = 'check_violation';
     END IF;
     RETURN NULL;
   END
   $$`,
  `CREATE CONSTRAINT TRIGGER housing_within_capacity AFTER INSERT ON housing_assignments
     DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION housing_within_capacity()`,
];
