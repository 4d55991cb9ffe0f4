-- A step's last statement ends with step_saved(count(*)): when the version the step read has moved on, nothing was
-- saved and it raises (SQLSTATE DV409) instead of answering 0. The COMMIT that vn.danvan.petition.LastWrites sends in
-- the same round trip is then skipped by the server, and the rest of the step (a suspension started before the save,
-- say) is rolled back with it, as a conflict always did.
create function step_saved(p_rows bigint) returns bigint
    language plpgsql immutable strict as $$
begin
    if p_rows = 0 then
        raise exception 'saved by someone else since it was read' using errcode = 'DV409';
    end if;
    return p_rows;
end
$$;
