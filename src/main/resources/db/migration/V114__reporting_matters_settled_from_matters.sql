-- VU_VIEC_DA_GIAI_QUYET ("Số vụ việc đã giải quyết"), described since V32 as the matters settled of forms 01/KQGQ and
-- 03/KQGQ, read the measure of 04/XLD instead (cases.finished: the cases of the petitions processed in the period whose
-- matter was finished by its end). It now reads what its description says and 03/KQGQ prints: the matters decided,
-- withdrawn or terminated in the period (matters.finished), which V113's tally holds. An administrator who changed the
-- measure keeps the choice.
update reporting_indicator
   set measure = 'matters.finished'
 where code = 'VU_VIEC_DA_GIAI_QUYET' and provider = 'petition' and measure = 'cases.finished';
