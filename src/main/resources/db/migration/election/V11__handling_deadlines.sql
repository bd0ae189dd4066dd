-- The deadlines of case handling, per election type, as data an administrator can adjust.
-- Pemilu counts working days, Pilkada calendar days (PRODUCT.md §4; sources in reference/DOMAIN.md).
alter table rule_set
    add column handling_counting           text    not null default 'WORKING_DAYS'
        check (handling_counting in ('WORKING_DAYS', 'CALENDAR_DAYS')),
    add column preliminary_review_days     integer not null default 2 check (preliminary_review_days > 0),
    add column preliminary_review_basis    text    not null default '',
    add column completion_days             integer not null default 3 check (completion_days > 0),
    add column completion_basis            text    not null default '',
    add column decision_days               integer not null default 7 check (decision_days > 0),
    add column decision_extension_days     integer not null default 7 check (decision_extension_days >= 0),
    add column decision_basis              text    not null default '',
    add column criminal_referral_hours     integer not null default 24 check (criminal_referral_hours > 0),
    add column criminal_referral_basis     text    not null default '',
    -- the election code inside register numbers (002/Reg/LP/<code>/Kab/35.09/III/2024)
    add column register_code               text    not null default 'PL';

update rule_set set
    handling_counting = 'WORKING_DAYS',
    preliminary_review_days = 2,
    preliminary_review_basis = 'Perbawaslu 7/2022 Pasal 15 ayat (1): kajian awal paling lama 2 hari',
    completion_days = 3,
    completion_basis = 'Perbawaslu 7/2022: perbaikan laporan paling lama 3 hari (belum dikonfirmasi dengan teks resmi)',
    decision_days = 7,
    decision_extension_days = 7,
    decision_basis = 'UU 7/2017 Pasal 454 ayat (7)-(8): 7 hari, paling lama 14 hari kerja bila perlu keterangan tambahan',
    criminal_referral_hours = 24,
    criminal_referral_basis = 'UU 7/2017 Pasal 476 ayat (1): diteruskan ke Kepolisian paling lama 1x24 jam',
    register_code = 'PL'
 where election_type = 'PEMILU';

update rule_set set
    handling_counting = 'CALENDAR_DAYS',
    preliminary_review_days = 2,
    preliminary_review_basis = 'Perbawaslu 8/2020 jo. 9/2024: kajian awal paling lama 2 hari',
    completion_days = 3,
    completion_basis = 'Perbawaslu 8/2020 jo. 9/2024: perbaikan laporan paling lama 3 hari (belum dikonfirmasi)',
    decision_days = 3,
    decision_extension_days = 2,
    decision_basis = 'UU 1/2015 sebagaimana diubah, Pasal 134: 3 hari, ditambah 2 hari bila perlu keterangan tambahan',
    criminal_referral_hours = 24,
    criminal_referral_basis = 'UU 1/2015 sebagaimana diubah, Pasal 134-135: diteruskan ke Kepolisian paling lama 1x24 jam',
    register_code = 'PB'
 where election_type = 'PILKADA';
